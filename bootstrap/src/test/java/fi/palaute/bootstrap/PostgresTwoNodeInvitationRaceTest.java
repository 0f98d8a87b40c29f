package fi.palaute.bootstrap;

/** The invitation races across two nodes on one real PostgreSQL: the calls of each race alternate between them. */
class PostgresTwoNodeInvitationRaceTest extends AbstractInvitationRaceTest {

    @Override
    protected TestCluster startCluster() {
        return TestCluster.postgresTwoNodes();
    }
}
