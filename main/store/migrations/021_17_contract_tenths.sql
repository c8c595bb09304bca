-- 021: contract hours with one decimal (28,8 uur). Entries hold integers only, so a fractional value travels
-- as tenths in the new optional officer field contractTenths; contract_hours keeps the rounded hours for
-- copies and reports that know only whole hours. Rows written before this stay as they are (null here), and
-- a null in this late column is left out of the row's state digest, so their state hash does not change.
ALTER TABLE officers ADD COLUMN contract_tenths INTEGER;
