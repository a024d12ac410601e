-- Support database of the support-swarm example (seed 000).
--
-- Customers (users), their merchant profile, the products enabled for them, their account and
-- authentication state, card machines and phones, money transfers, and platform incidents.
-- The example's SQL tools (../tools/*.yaml) read it through read-only connections.
--
-- Build it with `SQLDatabaseSeeder.seed(databaseAt: data/support.db, sqlFile: data/support.sql)`,
-- or with the sqlite3 shell: `sqlite3 data/support.db < data/support.sql`.
-- Amounts are integer cents in BRL; timestamps are ISO-8601 UTC text.

DROP TABLE IF EXISTS incidents;
DROP TABLE IF EXISTS transfers;
DROP TABLE IF EXISTS devices;
DROP TABLE IF EXISTS auth;
DROP TABLE IF EXISTS accounts;
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS merchants;
DROP TABLE IF EXISTS customers;

CREATE TABLE customers (
    user_id       TEXT PRIMARY KEY,
    full_name     TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    phone         TEXT,
    document      TEXT NOT NULL,              -- CPF or CNPJ, masked
    customer_type TEXT NOT NULL CHECK (customer_type IN ('individual', 'merchant')),
    city          TEXT,
    state         TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE merchants (
    merchant_id   TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL UNIQUE REFERENCES customers (user_id),
    business_name TEXT NOT NULL,
    category      TEXT NOT NULL,
    mcc           TEXT,                       -- merchant category code
    plan          TEXT NOT NULL,              -- pricing plan
    status        TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
    onboarded_at  TEXT NOT NULL
);

-- One row per product a customer has, enabled or not.
CREATE TABLE products (
    user_id    TEXT NOT NULL REFERENCES customers (user_id),
    product    TEXT NOT NULL,                 -- card_machine, tap_to_pay, pix, payment_link, digital_account, credit_card, loan
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    enabled_at TEXT,
    PRIMARY KEY (user_id, product)
);

CREATE TABLE accounts (
    account_id    TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL UNIQUE REFERENCES customers (user_id),
    status        TEXT NOT NULL CHECK (status IN ('active', 'blocked', 'pending_verification', 'closed')),
    status_reason TEXT,
    balance_cents INTEGER NOT NULL DEFAULT 0,
    currency      TEXT NOT NULL DEFAULT 'BRL',
    updated_at    TEXT NOT NULL
);

CREATE TABLE auth (
    user_id               TEXT PRIMARY KEY REFERENCES customers (user_id),
    status                TEXT NOT NULL CHECK (status IN ('ok', 'blocked', 'password_reset_required')),
    two_factor_enabled    INTEGER NOT NULL CHECK (two_factor_enabled IN (0, 1)),
    two_factor_method     TEXT,               -- sms, authenticator_app
    failed_login_attempts INTEGER NOT NULL DEFAULT 0,
    last_login_at         TEXT,
    blocked_reason        TEXT
);

CREATE TABLE devices (
    device_id     TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES customers (user_id),
    device_type   TEXT NOT NULL,              -- card_machine, phone
    model         TEXT NOT NULL,
    serial_number TEXT,
    status        TEXT NOT NULL CHECK (status IN ('active', 'offline', 'inactive', 'blocked')),
    last_seen_at  TEXT
);

CREATE TABLE transfers (
    transfer_id    TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES customers (user_id),
    direction      TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    method         TEXT NOT NULL,             -- pix, ted, card_settlement
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    currency       TEXT NOT NULL DEFAULT 'BRL',
    counterparty   TEXT,
    status         TEXT NOT NULL CHECK (status IN ('completed', 'pending', 'failed', 'reversed')),
    failure_reason TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX transfers_by_user ON transfers (user_id, created_at);

CREATE TABLE incidents (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status            TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
    affected_products TEXT,                   -- comma-separated product names
    started_at        TEXT NOT NULL,
    resolved_at       TEXT
);
CREATE INDEX incidents_by_status ON incidents (status, started_at);

INSERT INTO customers (user_id, full_name, email, phone, document, customer_type, city, state, created_at) VALUES
    ('client001', 'Ana Souza',       'ana.souza@example.com',      '+55 11 98765-4321', '***.456.789-**',     'individual', 'São Paulo',      'SP', '2023-03-14T10:22:00Z'),
    ('client042', 'Bruno Lima',      'bruno@limacafe.example.com', '+55 81 99876-1234', '12.345.678/0001-**', 'merchant',   'Recife',         'PE', '2022-11-02T15:05:00Z'),
    ('client123', 'Diego Rocha',     'diego.rocha@example.com',    '+55 21 97654-3210', '***.321.654-**',     'individual', 'Rio de Janeiro', 'RJ', '2025-06-07T18:40:00Z'),
    ('client555', 'Elisa Castro',    'elisa@castrobeauty.example.com', '+55 51 98888-7777', '45.678.901/0001-**', 'merchant', 'Porto Alegre', 'RS', '2024-02-19T09:00:00Z'),
    ('client789', 'Carla Mendes',    'carla@mendesmateriais.example.com', '+55 31 99123-4567', '98.765.432/0001-**', 'merchant', 'Belo Horizonte', 'MG', '2021-08-30T13:15:00Z');

INSERT INTO merchants (merchant_id, user_id, business_name, category, mcc, plan, status, onboarded_at) VALUES
    ('m-0042', 'client042', 'Lima Café',                        'food_and_beverage',      '5814', 'smart', 'active', '2022-11-03T12:00:00Z'),
    ('m-0555', 'client555', 'Castro Beauty Studio',             'beauty_and_personal_care', '7230', 'basic', 'active', '2024-02-20T10:30:00Z'),
    ('m-0789', 'client789', 'Mendes Materiais de Construção',   'building_materials',     '5211', 'pro',   'active', '2021-09-01T09:00:00Z');

INSERT INTO products (user_id, product, enabled, enabled_at) VALUES
    ('client001', 'digital_account', 1, '2023-03-14T10:25:00Z'),
    ('client001', 'pix',             1, '2023-03-14T10:25:00Z'),
    ('client001', 'credit_card',     1, '2023-09-01T08:00:00Z'),
    ('client042', 'card_machine',    1, '2022-11-03T12:00:00Z'),
    ('client042', 'tap_to_pay',      1, '2024-05-10T14:00:00Z'),
    ('client042', 'pix',             1, '2022-11-03T12:00:00Z'),
    ('client042', 'digital_account', 1, '2022-11-03T12:00:00Z'),
    ('client123', 'digital_account', 1, '2025-06-07T18:45:00Z'),
    ('client123', 'pix',             0, NULL),
    ('client555', 'tap_to_pay',      1, '2024-02-20T10:30:00Z'),
    ('client555', 'payment_link',    1, '2024-03-01T11:00:00Z'),
    ('client555', 'digital_account', 1, '2024-02-20T10:30:00Z'),
    ('client789', 'card_machine',    1, '2021-09-01T09:00:00Z'),
    ('client789', 'pix',             1, '2021-09-01T09:00:00Z'),
    ('client789', 'payment_link',    1, '2023-04-12T16:20:00Z'),
    ('client789', 'digital_account', 1, '2021-09-01T09:00:00Z'),
    ('client789', 'loan',            0, '2024-01-15T10:00:00Z');

INSERT INTO accounts (account_id, user_id, status, status_reason, balance_cents, currency, updated_at) VALUES
    ('acc-0001', 'client001', 'active',               NULL, 284350, 'BRL', '2025-06-10T07:12:00Z'),
    ('acc-0042', 'client042', 'active',               NULL, 1920075, 'BRL', '2025-06-10T11:58:00Z'),
    ('acc-0123', 'client123', 'pending_verification', 'Identity document photo pending review', 0, 'BRL', '2025-06-07T18:45:00Z'),
    ('acc-0555', 'client555', 'active',               NULL, 563020, 'BRL', '2025-06-09T20:10:00Z'),
    ('acc-0789', 'client789', 'blocked',              'Preventive block: unusual outgoing transfer volume under security review (case SEC-20417)', 4718890, 'BRL', '2025-06-10T12:30:00Z');

INSERT INTO auth (user_id, status, two_factor_enabled, two_factor_method, failed_login_attempts, last_login_at, blocked_reason) VALUES
    ('client001', 'ok',                      1, 'authenticator_app', 0, '2025-06-10T07:10:00Z', NULL),
    ('client042', 'ok',                      0, NULL,                1, '2025-06-10T11:55:00Z', NULL),
    ('client123', 'password_reset_required', 0, NULL,                0, '2025-06-07T18:41:00Z', NULL),
    ('client555', 'blocked',                 1, 'sms',               5, '2025-06-08T21:03:00Z', 'Too many failed login attempts'),
    ('client789', 'ok',                      1, 'sms',               0, '2025-06-10T12:44:00Z', NULL);

INSERT INTO devices (device_id, user_id, device_type, model, serial_number, status, last_seen_at) VALUES
    ('dev-0001', 'client001', 'phone',        'iPhone 14',     NULL,          'active',  '2025-06-10T07:10:00Z'),
    ('dev-0421', 'client042', 'card_machine', 'Smart POS 2',   'SP2-7781234', 'active',  '2025-06-10T11:50:00Z'),
    ('dev-0422', 'client042', 'phone',        'Galaxy A54',    NULL,          'active',  '2025-06-10T11:55:00Z'),
    ('dev-5551', 'client555', 'phone',        'Moto G84',      NULL,          'active',  '2025-06-08T21:03:00Z'),
    ('dev-7891', 'client789', 'card_machine', 'Smart POS 2',   'SP2-5529910', 'active',  '2025-06-10T12:15:00Z'),
    ('dev-7892', 'client789', 'card_machine', 'Mini POS',      'MP1-0038812', 'offline', '2025-06-02T17:45:00Z');

INSERT INTO transfers (transfer_id, user_id, direction, method, amount_cents, currency, counterparty, status, failure_reason, created_at) VALUES
    ('tr-1001', 'client001', 'outgoing', 'pix',             15000,   'BRL', 'Mariana Alves',                  'completed', NULL, '2025-06-09T19:02:11Z'),
    ('tr-1002', 'client001', 'incoming', 'pix',             250000,  'BRL', 'Employer Payroll Ltda',          'completed', NULL, '2025-06-05T08:00:00Z'),
    ('tr-1003', 'client001', 'outgoing', 'ted',             89990,   'BRL', 'Imobiliária Central',            'completed', NULL, '2025-06-03T10:30:42Z'),
    ('tr-4201', 'client042', 'incoming', 'card_settlement', 734560,  'BRL', 'Card sales 2025-06-09',          'completed', NULL, '2025-06-10T06:00:00Z'),
    ('tr-4202', 'client042', 'outgoing', 'ted',             320000,  'BRL', 'Distribuidora Grão Nobre',       'pending',   NULL, '2025-06-10T11:57:30Z'),
    ('tr-4203', 'client042', 'outgoing', 'pix',             45000,   'BRL', 'Padaria Boa Massa',              'completed', NULL, '2025-06-08T15:20:00Z'),
    ('tr-5551', 'client555', 'incoming', 'card_settlement', 98000,   'BRL', 'Card sales 2025-06-08',          'completed', NULL, '2025-06-09T06:00:00Z'),
    ('tr-7801', 'client789', 'outgoing', 'pix',             1245000, 'BRL', 'Construtora Alfa Ltda',          'failed',    'Account blocked: preventive security review (case SEC-20417)', '2025-06-10T12:47:03Z'),
    ('tr-7802', 'client789', 'outgoing', 'pix',             980000,  'BRL', 'Cimentos Brasil S.A.',           'completed', NULL, '2025-06-10T09:15:40Z'),
    ('tr-7803', 'client789', 'outgoing', 'pix',             1150000, 'BRL', 'Aço Forte Distribuidora',        'completed', NULL, '2025-06-10T08:02:18Z'),
    ('tr-7804', 'client789', 'incoming', 'card_settlement', 2310455, 'BRL', 'Card sales 2025-06-09',          'completed', NULL, '2025-06-10T06:00:00Z'),
    ('tr-7805', 'client789', 'incoming', 'pix',             187500,  'BRL', 'João Pereira',                   'completed', NULL, '2025-06-09T16:33:09Z'),
    ('tr-7806', 'client789', 'outgoing', 'ted',             420000,  'BRL', 'Transportadora Rápida ME',       'reversed',  'Beneficiary account closed', '2025-06-06T14:10:00Z'),
    ('tr-7807', 'client789', 'incoming', 'card_settlement', 1980230, 'BRL', 'Card sales 2025-06-05',          'completed', NULL, '2025-06-06T06:00:00Z');

INSERT INTO incidents (id, title, description, severity, status, affected_products, started_at, resolved_at) VALUES
    (1, 'Pix transfers delayed',
        'Outgoing Pix transfers are taking up to 30 minutes to complete because the central bank''s instant payment system is responding slowly. No money is lost: delayed transfers complete automatically and customers do not need to retry.',
        'high', 'active', 'pix', '2025-06-10T13:05:00Z', NULL),
    (2, 'Card machine connectivity issues in the Northeast',
        'Some card machines on 4G SIM cards of a single carrier in PE, BA and CE cannot connect to process payments. Workaround: connect the machine to Wi-Fi or use Tap to Pay on a phone until the carrier restores service.',
        'medium', 'active', 'card_machine', '2025-06-10T08:20:00Z', NULL),
    (3, 'Login failures in the mobile app',
        'Users could not log in to the mobile app after an authentication service deployment; the deployment was rolled back and logins work again.',
        'critical', 'resolved', 'digital_account', '2025-06-08T19:00:00Z', '2025-06-08T20:35:00Z');
