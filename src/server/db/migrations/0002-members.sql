-- Members: Vietnamese name order that does not depend on the database's collation.
--
-- person.sort_key holds the name with the given name first, lower case, with diacritics
-- ("an trần thị"). Ordered byte by byte, "ánh" would come after "yến". name_order maps every
-- letter to a byte in the order of the Vietnamese alphabet (a ă â b c d đ e ê … ư v x y), tones
-- dropped, then appends the tones (none, huyền, hỏi, ngã, sắc, nặng) as digits to break ties, so
-- an ORDER BY under the "C" collation gives the order of a Vietnamese name list on every server.
ALTER TABLE person ADD COLUMN name_order text COLLATE "C" GENERATED ALWAYS AS (
  translate(sort_key,
    'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz ',
    'AAAAAABBBBBBCCCCCCDEFGHHHHHHIIIIIIJKLMMMMMMNOPQRSSSSSSTTTTTTUUUUUUVWXYZaaaaaabbbbbbcdeffffffg!')
  || ' ' ||
  translate(sort_key,
    'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz',
    '012345012345012345000001234501234500001234500000012345012345012345000000123450123450000123450')
) STORED;

-- The member list of a unit on a date: memberships by unit, then by dates.
CREATE INDEX membership_unit_dates_idx ON membership (unit_id, valid_from, valid_to);
