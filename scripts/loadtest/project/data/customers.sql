CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, plan TEXT NOT NULL);
INSERT INTO customers VALUES ('c42', 'Acme Corp', 'active', 'pro');
CREATE TABLE incidents (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL);
INSERT INTO incidents VALUES ('inc-1', 'c42', 'open', 'Login failures');
