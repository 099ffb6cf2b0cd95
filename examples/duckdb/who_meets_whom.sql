-- Who meets whom: every pair of sides (agent or participant) of one MEETING or
-- NEGOTIATION event, counted over the whole run. Sides are persons,
-- organizations or places acting as states (`Казахстан и ЕС провели переговоры`);
-- a pair is identified by the entities' cross-article keys, shown by name.
WITH sides AS (
    SELECT arg.article_id, arg.event_id, ev.date, e.key, e.name, e.label
    FROM event_arguments AS arg
    JOIN events AS ev USING (article_id, event_id)
    JOIN entities AS e USING (article_id, entity_id)
    WHERE ev.event_type IN ('MEETING', 'NEGOTIATION')
      AND arg.role IN ('agent', 'participant')
      AND e.label IN ('PER', 'ORG', 'LOC')
)
SELECT mode(a.name) AS side_a,
       a.label AS label_a,
       mode(b.name) AS side_b,
       b.label AS label_b,
       count(DISTINCT (a.article_id, a.event_id)) AS events,
       count(DISTINCT a.article_id) AS articles,
       min(a.date) AS first_date,
       max(a.date) AS last_date
FROM sides AS a
JOIN sides AS b
  ON a.article_id = b.article_id AND a.event_id = b.event_id AND a.key < b.key
GROUP BY a.key, a.label, b.key, b.label
ORDER BY events DESC, articles DESC, side_a, side_b;
