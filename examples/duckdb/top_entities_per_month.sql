-- Top five persons, organizations and locations per month of publication.
-- A mention joins its entity within the article (article_id, entity_id); the
-- entity's `key` joins the same person across articles, so counts are per key
-- and the shown name is the key's most frequent canonical name.
-- Articles without a publication date have no month and are left out.
WITH per_month AS (
    SELECT date_trunc('month', a.published) AS month,
           e.label,
           e.key,
           mode(e.name) AS name,
           count(DISTINCT m.article_id) AS articles,
           count(*) AS mentions
    FROM mentions AS m
    JOIN entities AS e USING (article_id, entity_id)
    JOIN articles AS a USING (article_id)
    WHERE e.label IN ('PER', 'ORG', 'LOC') AND a.published IS NOT NULL
    GROUP BY ALL
)
SELECT strftime(month, '%Y-%m') AS month, label, name, articles, mentions
FROM per_month
QUALIFY row_number() OVER (PARTITION BY month, label
                           ORDER BY articles DESC, mentions DESC, name) <= 5
ORDER BY month, label, articles DESC, mentions DESC, name;
