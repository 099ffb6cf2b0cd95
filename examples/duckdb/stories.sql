-- Stories: events of one type about the same corpus entities within a few days
-- (`rusnews run --window-days`, 3 by default), however many articles tell them. Each
-- story with its participants, its articles and the headline of its first article with one;
-- `WHERE n_articles >= 2` keeps the stories told more than once.
SELECT s.story_id,
       s.event_type,
       CAST(s.participants AS JSON) ->> '$[*]' AS participants,
       s.n_events,
       s.n_articles,
       s.first_date,
       s.last_date,
       first(a.title ORDER BY a.published, a.article_id) FILTER (a.title IS NOT NULL) AS title
FROM stories AS s
JOIN events AS ev USING (story_id)
JOIN articles AS a USING (article_id)
GROUP BY ALL
ORDER BY s.n_articles DESC, s.n_events DESC, s.first_date, s.story_id;
