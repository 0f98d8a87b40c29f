package fi.palaute.bootstrap;

/** The prohibition races across two nodes on one real PostgreSQL: requests alternate between the nodes. */
class PostgresTwoNodeProhibitionRaceTest extends AbstractProhibitionRaceTest {

    @Override
    protected TestCluster startCluster() {
        return TestCluster.postgresTwoNodes();
    }
}
