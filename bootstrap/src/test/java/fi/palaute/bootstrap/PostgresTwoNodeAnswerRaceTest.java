package fi.palaute.bootstrap;

/** The answering races across two nodes on one real PostgreSQL: the calls of each race alternate between them. */
class PostgresTwoNodeAnswerRaceTest extends AbstractAnswerRaceTest {

    @Override
    protected TestCluster startCluster() {
        return TestCluster.postgresTwoNodes();
    }
}
