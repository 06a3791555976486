-- A function belongs to the user who first registered it: only they (or an admin) may register a
-- new version of it, so nobody can swap the code another user's calls run. Functions registered
-- before this migration go to the user their current version was registered by (usernames are
-- unique); a function whose registrant no longer exists stays without owner, and only admins may
-- replace it.
ALTER TABLE faas_functions ADD COLUMN owner_id VARCHAR(36);
UPDATE faas_functions SET owner_id = (SELECT u.id FROM users u WHERE u.username = faas_functions.registered_by);
