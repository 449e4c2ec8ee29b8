-- Every party role lists its declarations (the importer had its index since V1).
CREATE INDEX declarations_declarant ON declarations(declarant_id);
CREATE INDEX declarations_seller ON declarations(seller_id);
CREATE INDEX declarations_courier ON declarations(courier_id);
