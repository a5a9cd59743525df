package org.fittrackee.api.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A size in bytes as FitTrackee writes it in its messages: {@code "1.0MB"}, {@code "500.0 bytes"},
 * {@code "1 byte"}. Like Python's {@code %.1f}, the one decimal is rounded from the exact binary
 * value, half to even.
 */
public final class ReadableFileSize {

    private static final List<String> UNITS = List.of(" bytes", "KB", "MB", "GB", "TB");

    private ReadableFileSize() {}

    public static String of(long bytes) {
        if (bytes == 0) {
            return "0 bytes";
        }
        if (bytes == 1) {
            return "1 byte";
        }

        double size = bytes;
        for (String unit : UNITS) {
            if (Math.abs(size) < 1024.0) {
                return new BigDecimal(size).setScale(1, RoundingMode.HALF_EVEN).toPlainString()
                        + unit;
            }
            size /= 1024.0;
        }
        return size + " bytes";
    }
}
