-- Shop database of the customer-support-advanced example (seed 003's customer_support_advanced).
--
-- Customers, their orders and order items, and return requests. The example's SQL tools
-- (../tools/*.yaml) read it through read-only connections.
--
-- Aviary builds data/shop.db from this script the first time a tool that names the database is
-- loaded (`aviary validate`, `aviary serve`, …), when the file does not exist yet. By hand:
-- `sqlite3 data/shop.db < data/shop.sql`.
--
-- Dates are relative to the moment the database is built, so the 30-day return window behaves the
-- same whenever you try the example: order 12345 was delivered 5 days ago (returnable), order 11890
-- 45 days ago (too old), order 12346 is still on its way. Delete data/shop.db to rebuild it with
-- fresh dates. Amounts are in USD; timestamps are ISO-8601 UTC text.

DROP TABLE IF EXISTS returns;
DROP TABLE IF EXISTS order_items;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS customers;

CREATE TABLE customers (
    id         TEXT PRIMARY KEY,              -- cust_789
    name       TEXT NOT NULL,
    email      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE orders (
    id           TEXT PRIMARY KEY,            -- '12345' (customers write it as #12345)
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    status       TEXT NOT NULL CHECK (status IN ('processing', 'shipped', 'delivered', 'cancelled')),
    total        REAL NOT NULL CHECK (total >= 0),
    currency     TEXT NOT NULL DEFAULT 'USD',
    placed_at    TEXT NOT NULL,
    delivered_at TEXT                         -- NULL until delivered
);
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at);

CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   TEXT NOT NULL REFERENCES orders (id),
    sku        TEXT NOT NULL,
    name       TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_price REAL NOT NULL CHECK (unit_price >= 0)
);
CREATE INDEX order_items_by_order ON order_items (order_id);

CREATE TABLE returns (
    id            TEXT PRIMARY KEY,           -- RET-<order id>
    order_id      TEXT NOT NULL REFERENCES orders (id),
    reason        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'received', 'refunded', 'rejected')),
    refund_amount REAL NOT NULL CHECK (refund_amount >= 0),
    created_at    TEXT NOT NULL
);
CREATE INDEX returns_by_order ON returns (order_id);

INSERT INTO customers (id, name, email, created_at) VALUES
    ('cust_789', 'John Smith',   'john@example.com',  '2023-04-18T09:12:00Z'),
    ('cust_456', 'Maria Garcia', 'maria@example.com', '2024-01-07T16:45:00Z'),
    ('cust_123', 'Aiko Tanaka',  'aiko@example.com',  '2024-11-30T11:03:00Z');

INSERT INTO orders (id, customer_id, status, total, currency, placed_at, delivered_at) VALUES
    -- John: delivered 5 days ago (returnable), on its way, and delivered 45 days ago (too old to return)
    ('12345', 'cust_789', 'delivered', 129.99, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-9 days'),  strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-5 days')),
    ('12346', 'cust_789', 'shipped',    59.50, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'),  NULL),
    ('11890', 'cust_789', 'delivered', 249.00, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-50 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-45 days')),
    -- Maria: delivered 12 days ago and already returned and refunded; a new order being packed
    ('12001', 'cust_456', 'delivered',  74.25, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-16 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-12 days')),
    ('12410', 'cust_456', 'processing', 35.00, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 days'),  NULL),
    -- Aiko: a cancelled order
    ('12200', 'cust_123', 'cancelled',  18.90, 'USD',
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-20 days'), NULL);

INSERT INTO order_items (order_id, sku, name, quantity, unit_price) VALUES
    ('12345', 'SHOE-TR-42',  'Trail running shoes, size 42', 1, 89.99),
    ('12345', 'SOCK-MER-3',  'Merino running socks (3-pack)', 2, 20.00),
    ('12346', 'BOTTLE-750',  'Insulated bottle 750 ml',       1, 24.50),
    ('12346', 'CAP-RUN-BLK', 'Running cap, black',            1, 35.00),
    ('11890', 'JKT-RAIN-M',  'Rain jacket, size M',           1, 249.00),
    ('12001', 'TEE-TECH-S',  'Technical t-shirt, size S',     3, 24.75),
    ('12410', 'BAND-HEAD',   'Headband',                      2, 17.50),
    ('12200', 'GEL-ENERGY',  'Energy gels (6-pack)',          1, 18.90);

INSERT INTO returns (id, order_id, reason, status, refund_amount, created_at) VALUES
    ('RET-12001', '12001', 'Wrong size', 'refunded', 74.25, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days'));
