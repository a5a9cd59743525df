package org.fittrackee.api.http;

import jakarta.servlet.MultipartConfigElement;
import java.util.stream.LongStream;
import org.springframework.stereotype.Component;

/**
 * The largest upload the server reads at all: the smaller of {@code
 * spring.servlet.multipart.max-file-size} and {@code max-request-size}. It plays the part of
 * FitTrackee's {@code MAX_CONTENT_LENGTH}: a larger request gets 413 before any instance limit is
 * looked at, so the instance's {@code max_single_file_size} may not exceed it.
 */
@Component
public class UploadLimit {

    private final long bytes;

    public UploadLimit(MultipartConfigElement multipart) {
        this.bytes =
                LongStream.of(multipart.getMaxFileSize(), multipart.getMaxRequestSize())
                        .filter(limit -> limit > 0)
                        .min()
                        .orElse(Long.MAX_VALUE);
    }

    public long bytes() {
        return bytes;
    }
}
