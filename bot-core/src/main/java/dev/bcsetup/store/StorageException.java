package dev.bcsetup.store;

/**
 * Session storage could not do what was asked: the database is unreachable, refused the request, or
 * holds something this version cannot read. The message names the database without its credentials.
 */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
