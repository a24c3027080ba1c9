package dev.referrals.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creates, checks and deletes the directories the local servers keep their state in. */
public final class StateDirectory {

    private static final String TEMPORARY_PREFIX = "referrals-local-";

    private StateDirectory() {
    }

    /** A new empty directory under the system temp dir, for a server whose state must not outlive it. */
    public static Path createTemporary(String purpose) {
        try {
            return Files.createTempDirectory(TEMPORARY_PREFIX + purpose + "-");
        } catch (IOException e) {
            throw new LocalStackStartupException("Cannot create a temporary directory for " + purpose + " under "
                    + System.getProperty("java.io.tmpdir") + " (" + LocalStackStartupException.rootMessage(e)
                    + "); set -Djava.io.tmpdir to a writable directory", e);
        }
    }

    /**
     * Creates the directory if needed and fails with a one-line message if it cannot be used.
     *
     * @param what    whose directory it is, as the message names it, for example {@code Kafka broker}
     * @param setting the setting a developer changes to move it elsewhere
     */
    public static Path requireWritable(String what, Path directory, Setting setting) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw unusable(what, absolute, reason(e), setting, e);
        }
        if (!Files.isWritable(absolute)) {
            throw unusable(what, absolute, "not writable", setting, null);
        }
        return absolute;
    }

    /** Deletes the directory and everything in it; a directory that is already gone is fine. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    private static LocalStackStartupException unusable(
            String what, Path directory, String reason, Setting setting, Throwable cause) {
        return new LocalStackStartupException(what + " cannot use directory " + directory + " (" + reason + "); "
                + setting.howToChange() + " to a writable directory", cause);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return LocalStackStartupException.rootMessage(e);
    }
}
