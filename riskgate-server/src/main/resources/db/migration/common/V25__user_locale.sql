-- Each user's UI language (a BCP 47 tag such as 'ko'); NULL follows the browser's Accept-Language.
ALTER TABLE users ADD COLUMN locale VARCHAR(16);
