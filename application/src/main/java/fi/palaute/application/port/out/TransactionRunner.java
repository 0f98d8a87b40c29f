package fi.palaute.application.port.out;

import java.util.function.Supplier;

/**
 * The use case owns the transaction: everything the work does through repositories commits together, or, if it
 * throws, none of it does. Repositories join the transaction of the calling thread.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
