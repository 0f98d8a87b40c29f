package fi.palaute.application.port.in.lifecycle;

/**
 * The retention periods (SPEC, Retention), applied by a job the service runs on its own, on every node: identified
 * answers lose their customer link after their period (24 months by default; the answer stays, de-identified, and
 * their still-open follow-ups are cancelled), and audit entries go after theirs (5 years by default). Safe on all
 * nodes at once: each statement only touches what is past its period and not yet handled.
 */
@FunctionalInterface
public interface ApplyRetentionUseCase {

    Outcome apply();

    record Outcome(int answersDeidentified, int followUpsCancelled, int auditEntriesRemoved) {
    }
}
