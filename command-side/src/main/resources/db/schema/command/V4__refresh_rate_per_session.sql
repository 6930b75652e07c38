-- How often a session refreshed lately: its rotated tokens by time (dev.keel.command.session.RefreshRate).
CREATE INDEX refresh_token_session_rotated ON refresh_token (session_id, rotated_at);
