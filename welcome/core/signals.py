from django.dispatch import Signal

# Sent for every public page view, served from the page cache or rendered, with the metadata the
# view gave ``pagecache.mark_cacheable``: ``page_id``, ``requested`` and ``shown`` language codes.
# Receivers must be fast and must not write to the database (count in the cache).
page_served = Signal()

# Sent by ``manage.py ensure_dev_admin`` (DEBUG only) after the development administrator exists.
# Receivers may create further development accounts and return lines to print (their logins).
dev_admin_ensured = Signal()
