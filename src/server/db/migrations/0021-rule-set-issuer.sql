-- meeting_rule_set.issuer: who issued a rule set that is stored without a committee of the tree
-- (unit_id null), as the document names it. Null for the Party's central rules, which apply across
-- the country; set for a local body's guidance kept as a default because its committee is not in
-- the tree (seed 003's "Hướng dẫn số 01-HD/BTC ngày 15/6/2021 của Ban Tổ chức Thị ủy Kỳ Anh"), so
-- the interface names that body instead of calling the rule national.
ALTER TABLE meeting_rule_set ADD COLUMN issuer text;

UPDATE meeting_rule_set SET issuer = 'Ban Tổ chức Thị ủy Kỳ Anh'
WHERE unit_id IS NULL AND valid_from = '2021-06-15' AND source LIKE 'Hướng dẫn số 01-HD/BTC ngày 15/6/2021 của Ban Tổ chức Thị ủy Kỳ Anh%';
