package dev.bcsetup.flow;

/** A kind of store data the merchant may choose to migrate. */
public enum DataSet {
    PRODUCTS,
    CUSTOMERS,
    ORDERS
}
