package org.fittrackee.stack;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: made at random on the first start and kept in
 * {@code postgres-password} in the stack's data directory, a file only its owner may read, so that
 * the next starts find it and nobody else on the machine does.
 */
final class DatabasePassword {

    static final String FILE_NAME = "postgres-password";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private DatabasePassword() {}

    /**
     * The password of the embedded PostgreSQL in the data directory, made now when it has none.
     *
     * @param required whether the server already requires a password, which a new one could not
     *     match
     */
    static String of(Path dataDir, boolean required) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                return Files.readString(file).trim();
            }
            if (required) {
                throw new StackException(
                        "The embedded PostgreSQL in "
                                + dataDir.resolve("postgres")
                                + " requires a password, and its file "
                                + file
                                + " is missing: restore the file, or delete the postgres"
                                + " directory to start again with empty databases");
            }
            return create(Files.createDirectories(dataDir).resolve(FILE_NAME));
        } catch (IOException e) {
            throw new StackException(
                    "Cannot keep the password in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String create(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            // Created with its permissions: no moment when others may read it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file).trim();
        }
        Files.writeString(file, password + "\n");
        return password;
    }
}
