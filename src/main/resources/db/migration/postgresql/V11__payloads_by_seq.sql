-- Payloads keyed by their delivery's seq instead of its GitHub delivery id, as on H2 (see the H2
-- migration of the same number): new payloads go to the right end of the primary key's B-tree instead
-- of a random page of it, and the delivery id's uniqueness stays with deliveries. Altered in place so
-- that the payload column keeps its lz4 compression (V10).
ALTER TABLE delivery_payloads ADD COLUMN seq BIGINT;
UPDATE delivery_payloads p SET seq = d.seq FROM deliveries d WHERE d.delivery_id = p.delivery_id;
ALTER TABLE delivery_payloads DROP CONSTRAINT delivery_payloads_pkey;
ALTER TABLE delivery_payloads DROP COLUMN delivery_id;
ALTER TABLE delivery_payloads ALTER COLUMN seq SET NOT NULL;
ALTER TABLE delivery_payloads ADD PRIMARY KEY (seq);
