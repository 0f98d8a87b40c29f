package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.newSurveyId;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, and what only SQLite needs saying: anonymous answers keep no insertion order. */
class SqliteAnswerRepositoryContractTest extends AbstractAnswerRepositoryContractTest {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return SqliteTestDatabases.open(folder);
    }

    @Override
    protected List<String> columnsOf(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name FROM pragma_table_info(:table) ORDER BY cid")
                .bind("table", table)
                .mapTo(String.class)
                .list());
    }

    /**
     * An ordinary SQLite table numbers its rows as they come (rowid) and stores them in that order, which would line
     * the answers up with the invitations as they were answered. anonymous_answer is WITHOUT ROWID: there is no such
     * number to select, and rows are stored by their random id.
     */
    @Test
    void anonymousAnswersHaveNoRowNumberThatTellsTheirOrder() {
        answers.insert(new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(newSurveyId(), Optional.empty(), CONTROLLER, Language.FI), new NpsScore(5),
                Optional.empty(), IsoWeek.parse("2026-W45")));

        RuntimeException noRowid = assertThrows(RuntimeException.class, () -> database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT rowid FROM anonymous_answer").mapTo(long.class).list()));

        assertTrue(String.valueOf(noRowid.getMessage()).contains("rowid"), noRowid::getMessage);
    }
}
