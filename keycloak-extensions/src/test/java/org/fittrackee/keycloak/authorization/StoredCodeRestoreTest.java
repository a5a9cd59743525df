package org.fittrackee.keycloak.authorization;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class StoredCodeRestoreTest {

    private static final Map<String, String> ORIGINAL = Map.of("redirect_uri", "https://b/first");

    private final SingleUseObjectProvider codes = mock(SingleUseObjectProvider.class);
    private final StoredCodeRestore restore = new StoredCodeRestore(codes, "code-key", ORIGINAL);

    @Test
    void aRequestThatCommitsPutsTheStoredCodeBackOnlyIfStillStored() {
        restore.begin();

        restore.commit();

        verify(codes).replace("code-key", ORIGINAL);
        verify(codes, never()).put(anyString(), anyLong(), anyMap());
    }

    @Test
    void aRequestThatFailsPutsTheStoredCodeBackOnlyIfStillStored() {
        restore.begin();

        restore.rollback();

        verify(codes).replace("code-key", ORIGINAL);
        verify(codes, never()).put(anyString(), anyLong(), anyMap());
    }
}
