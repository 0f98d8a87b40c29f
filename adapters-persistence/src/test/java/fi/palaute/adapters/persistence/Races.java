package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs attempts on several threads released together, alternating between two nodes (two pools, one database). */
final class Races {

    interface Attempt<T> {
        T run(Database node, int thread) throws Exception;
    }

    private Races() {
    }

    /**
     * Runs the attempt on {@code threads} threads, released together; the even threads on {@code one}, the odd ones
     * on {@code other}. The attempt opens its own transaction if it needs one. Returns the outcomes by thread.
     */
    static <T> List<T> onTwoNodes(Database one, Database other, int threads, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Database> nodes = List.of(one, other);
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Database node = nodes.get(i % nodes.size());
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return attempt.run(node, thread);
                };
                futures.add(pool.submit(task));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
