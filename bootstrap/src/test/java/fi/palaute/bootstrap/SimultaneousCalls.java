package fi.palaute.bootstrap;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Calls released at one moment, each to the node it is aimed at, for the race tests. */
final class SimultaneousCalls {

    record Aimed(ContractClient node, Call call) {
    }

    private SimultaneousCalls() {
    }

    /** Every call waits until all are ready, then all go at once; the answers come back in the calls' order. */
    static List<Answer> send(ExecutorService pool, List<Aimed> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (Aimed aimed : calls) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return aimed.node().send(aimed.call());
            }));
        }
        ready.await();
        go.countDown();
        List<Answer> received = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            received.add(answer.get());
        }
        return received;
    }
}
