-- Events per type per day. `date` is the event's own date when the sentence
-- names one, else the article's publication date (date_from_published);
-- events dated only to a week, month or year (`в декабре`, `в 2026 году`) have
-- no day and are left out here.
SELECT CAST(date AS DATE) AS day,
       event_type,
       count(*) AS events,
       count(DISTINCT article_id) AS articles
FROM events
WHERE date_granularity = 'day'
GROUP BY ALL
ORDER BY day, events DESC, event_type;
