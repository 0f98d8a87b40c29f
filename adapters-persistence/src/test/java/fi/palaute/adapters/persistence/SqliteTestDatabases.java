package fi.palaute.adapters.persistence;

import java.nio.file.Path;

/** The SQLite-specific part of the contract tests: a fresh database file in a temporary folder. */
public final class SqliteTestDatabases {

    public static final int POOL_SIZE = 8;

    private SqliteTestDatabases() {
    }

    public static String url(Path folder) {
        return "jdbc:sqlite:" + folder.resolve("palaute.db");
    }

    public static Database open(Path folder) {
        return Database.open(url(folder), "", "", POOL_SIZE);
    }
}
