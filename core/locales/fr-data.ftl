# data
data-error-empty = Le fichier est vide : il ne contient aucune ligne. Vérifiez que vous avez choisi le bon fichier.
data-error-no-header = La première ligne contient des nombres ou des dates, pas des noms de colonnes. Ajoutez une ligne d'en-tête (un nom par colonne) dans votre tableur, puis réessayez.
data-error-no-rows = Le fichier n'a qu'une ligne d'en-tête, sans données.
data-error-spreadsheet = Ce fichier est un classeur (xlsx, ods ou xls), pas un CSV : ouvrez-le dans votre tableur et enregistrez-le au format CSV.
data-error-binary = Ce fichier n'est pas du texte (image, PDF, archive…) : choisissez un fichier CSV.
data-error-unknown-column = La colonne « { $column } » n'existe pas dans ce fichier.
data-error-bad-filter = « { $value } » n'est pas une valeur possible pour la colonne « { $column } ».
data-error-not-numeric = La colonne « { $column } » ne contient pas de nombres : choisissez une colonne de nombres ou comptez les lignes.
data-warning-ragged = Ligne { $line } : { $found } cellules au lieu de { $expected }.
data-warning-unnamed = La colonne { $position } n'a pas de nom : elle s'appelle « colonne { $position } ».
data-warning-duplicate = Deux colonnes s'appellent « { $name } » : la seconde reçoit un numéro.
data-warning-more-ragged = … et { $count } autres lignes de longueur différente.
data-type-number = nombre
data-type-percent = pourcentage
data-type-date = date
data-type-datetime = date et heure
data-type-text = texte
data-type-empty = vide
data-sentence-empty = Cette colonne est vide.
data-sentence-number = Des nombres ({ $distinct } valeurs différentes), de { $min } à { $max } ; moyenne { $mean }, médiane { $median }.
data-sentence-percent = Des pourcentages ({ $distinct } valeurs différentes), de { $min } % à { $max } % ; moyenne { $mean } %, médiane { $median } %.
data-sentence-year = Des années ({ $distinct } différentes), de { $min } à { $max }.
data-sentence-date = Des dates ({ $distinct } différentes), { $form ->
    [month] de { $first } à { $last }.
   *[day] du { $first } au { $last }.
}
date-months = janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.
date = { $form ->
    [month] { $month } { $year }
   *[day] { $day } { $month } { $year }
}
data-sentence-text = Cette colonne contient { $distinct ->
    [one] { $distinct } seule valeur
   *[other] { $distinct } valeurs différentes
} ; les plus fréquentes sont { $top }.
data-sentence-missing = { $missing ->
    [one] { $missing } valeur manquante
   *[other] { $missing } valeurs manquantes
} sur { $rows }.
chart-error-bad-spec = Fichier de graphique illisible (ligne { $line }) : { $detail }
chart-error-not-a-spec = Ce fichier JSON n'est pas un graphique Briques (il manque « format »: « briques-chart »).
chart-error-version = Ce graphique a été fait par une version plus récente de Briques (version { $version }) : mettez Briques à jour.
chart-error-missing-x = Choisissez la colonne à placer en abscisse (horizontalement).
chart-error-missing-y = Choisissez la colonne des valeurs.
chart-error-missing-colour = Choisissez la colonne des couleurs.
chart-error-beyond-limit = Ce fichier de graphique demande trop : « { $field } » doit rester dans { $limit }.
chart-error-no-data = Aucune donnée à dessiner : les filtres ont écarté toutes les lignes, ou les valeurs sont vides.
chart-error-draw = Le dessin a échoué : { $detail }
chart-missing-key = (vide)
chart-others = Autres
chart-measure-count = Nombre de lignes
chart-measure-sum = { $form ->
    [plural] Somme des { $column }
    [vowel] Somme d'{ $column }
   *[other] Somme de { $column }
}
chart-measure-mean = { $form ->
    [plural] Moyenne des { $column }
    [vowel] Moyenne d'{ $column }
   *[other] Moyenne de { $column }
}
chart-measure-median = { $form ->
    [plural] Médiane des { $column }
    [vowel] Médiane d'{ $column }
   *[other] Médiane de { $column }
}
chart-lesson-truncated_axis-title = Axe tronqué
chart-lesson-truncated_axis-text = L'axe vertical ne commence pas à zéro : une différence de quelques pour cent paraît énorme, car la hauteur des barres n'est plus proportionnelle aux valeurs. Une barre doit toujours partir de zéro ; si l'on veut montrer de petits écarts, on choisit un autre graphique (des points, ou l'écart lui-même) et on le dit.
chart-lesson-uneven_intervals-title = Intervalles inégaux
chart-lesson-uneven_intervals-text = Les dates gardées ne sont pas régulièrement espacées (un mois, puis deux, puis trois, puis cinq…) mais elles sont dessinées à égale distance : la pente semble s'accélérer alors que c'est l'écart entre les dates qui grandit. Regardez toujours les étiquettes de l'axe du temps.
chart-lesson-cherry_picked-title = Période choisie sur mesure
chart-lesson-cherry_picked-text = Le graphique ne garde que la période où la courbe monte le plus : la tendance paraît nette, alors que sur toute la durée les valeurs montent et descendent avec les saisons. Demandez toujours : pourquoi commencer et finir ici ? Que se passe-t-il avant et après ?
chart-lesson-too_many_slices-title = Trop de parts dans le camembert
chart-lesson-too_many_slices-text = Avec des dizaines de parts, l'œil ne peut comparer ni les angles ni les surfaces : les petites parts deviennent illisibles et l'on ne voit plus rien. Des barres triées de la plus grande à la plus petite, avec les plus petites regroupées dans « Autres », se lisent tout de suite ; et quand les parts sont des dates, une courbe dans l'ordre du temps montre l'évolution qu'un camembert cache.
chart-index = Indice (première valeur = 100)
chart-misleading = Graphique trompeur
chart-misleading-title = { $title } — trompeur
chart-weak-points = Ici l'effet se voit mal : l'axe horizontal n'a que { $count ->
    [one] { $count } valeur
   *[other] { $count } valeurs
}, et l'astuce en demande au moins { $needed }, dans l'ordre du temps. Choisissez une colonne de dates ou d'années en abscisse.
chart-weak-apart = Ici l'effet se voit mal : les valeurs vont de { $min } à { $max }, la plus petite est loin de la plus grande ; couper l'axe ne ferait que raccourcir les petites barres. L'axe tronqué trompe quand les valeurs sont proches, comme une évolution d'année en année.
chart-weak-slices = Ici l'effet se voit mal : il n'y a que { $count ->
    [one] { $count } part
   *[other] { $count } parts
}, un camembert reste lisible. L'astuce joue sur des dizaines de parts : choisissez en abscisse une colonne qui a beaucoup de valeurs différentes.
chart-weak-second = Choisissez une seconde mesure (deux axes) : avec une seule courbe, il n'y a rien à superposer.
chart-lesson-dual_axes-title = Deux axes verticaux
chart-lesson-dual_axes-text = Deux mesures sans rapport d'échelle partagent le graphique, chacune avec son axe choisi pour que les courbes se superposent : on croit voir un lien entre elles. Changer l'un des axes suffirait à les séparer. Version honnête : chaque série en indice (première valeur = 100) sur un seul axe.
data-cli-bad-file = { $path } : { $detail }
data-cli-tab = tabulation
data-cli-summary = Encodage : { $encoding } ; séparateur : « { $delimiter } » ; { $rows ->
    [one] { $rows } ligne de données
   *[other] { $rows } lignes de données
} ; { $columns ->
    [one] { $columns } colonne
   *[other] { $columns } colonnes
}
chart-cli-bad-extension = { $path } : le fichier de sortie doit finir par .svg ou .png
chart-cli-cannot-write = impossible d'écrire { $path }
chart-cli-no-font = attention : police DejaVu Sans introuvable (paquet Debian fonts-dejavu-core) ; le PNG sera sans texte
chart-cli-png-failed = le graphique est trop grand pour une image PNG
chart-cli-png-not-built = cette version de Briques est celle du démarrage rapide (scripts/run), compilée sans l'export PNG : écrivez un fichier .svg, ou compilez la version complète (cargo build --release -p briques) et utilisez target/release/briques
chart-csv-series = Série
chart-csv-value = Valeur
chart-csv-from = De
chart-csv-to = À
data-lead = Ouvrez un fichier CSV de données ouvertes : Briques dit ce que contient chaque colonne, puis vous construisez un graphique pas à pas. Le fichier reste sur cet appareil.
data-open-title = Ouvrir un fichier
data-pick-file = Choisir un fichier CSV
data-drop-hint = … ou déposez-le ici. Encodages UTF-8 et Latin-1, séparateurs « ; », « , », tabulation ou « | ».
data-url-label = Ou ouvrir une adresse (en ligne)
data-url-open = Ouvrir l'adresse
data-url-hint = Beaucoup de sites refusent qu'une autre page lise leurs fichiers : si cela échoue, téléchargez le fichier puis ouvrez-le ci-dessus.
data-url-offline = Vous êtes hors ligne : téléchargez le fichier quand vous aurez du réseau, puis ouvrez-le depuis cet appareil.
data-url-status = Le site distant a répondu par une erreur ({ $status }) : vérifiez l'adresse, ou téléchargez le fichier puis ouvrez-le ici.
data-url-blocked = Impossible de lire cette adresse : le site ne répond pas, ou il n'autorise pas une autre page à lire ses fichiers. Téléchargez le fichier puis ouvrez-le ici.
data-url-invalid = « { $address } » n'est pas une adresse web : elle doit commencer par https:// ou http://.
data-reading = Lecture de { $name }…
data-analysing = Analyse des colonnes de { $name }…
data-progress-percent = { $percent } %
data-progress-steps = { $done } / { $total }
data-warnings = { $count ->
    [one] { $count } remarque sur le fichier
   *[other] { $count } remarques sur le fichier
}
data-profile-title = Que contient chaque colonne ?
data-missing = Valeurs manquantes
data-distinct = Valeurs différentes
data-preview-title = Aperçu des lignes
data-preview-caption = Lignes { $first } à { $last } sur { $rows }
data-previous-rows = Lignes précédentes
data-next-rows = Lignes suivantes
data-go-to-row = Aller à la ligne
data-builder-title = Construire un graphique
data-chart-preview = Aperçu du graphique
data-chart-file = graphique
data-opened = Fichier « { $name } » ouvert.
data-chart-shown = Graphique « { $title } » affiché.
data-step-what = 1. Quoi montrer
data-chart-kind = Type de graphique
data-chart-x = Colonne en abscisse (catégories ou temps)
data-column-option = { $name } ({ $kind })
data-choose = — choisir —
data-chart-y = Valeurs
data-count-rows = Compter les lignes
data-chart-aggregate = Calcul
data-agg-count = Nombre de lignes
data-agg-sum = Somme
data-agg-mean = Moyenne
data-agg-median = Médiane
data-chart-colour = Couleurs selon
data-none = — aucune —
data-step-order = 2. Ordre et regroupement
data-chart-sort = Ordre
data-sort-key = Dans l'ordre des catégories
data-sort-value_descending = Du plus grand au plus petit
data-sort-value_ascending = Du plus petit au plus grand
data-chart-top = Garder les N premiers (le reste dans « Autres »)
data-step-words = 3. Titre et source
data-chart-title = Titre
data-chart-subtitle = Sous-titre
data-chart-source = Source des données
data-chart-licence = Licence
data-step-lesson = 4. Honnête ou trompeur ?
data-chart-lesson = Montrer côte à côte avec une version trompeuse
data-lesson-none = — non —
data-chart-y2 = Seconde mesure (deux axes)
data-honest = Honnête
data-misleading = Trompeur
data-chart-version = { $title } ({ $version })
data-export-csv = Données du graphique (CSV)
data-export-spec = Graphique (JSON)
data-import-spec = Ouvrir un graphique (JSON)
chart-kind-bar = Barres
chart-kind-grouped_bar = Barres groupées
chart-kind-stacked_bar = Barres empilées
chart-kind-line = Courbe
chart-kind-pie = Camembert
chart-kind-donut = Anneau
chart-kind-scatter = Nuage de points
chart-kind-histogram = Histogramme
chart-kind-treemap = Carte proportionnelle (treemap)
data-step-filter = Filtrer les lignes
data-filter-column = Colonne
data-filter-op = Condition
data-filter-value = Valeur
data-filter-add = Ajouter le filtre
data-filter-remove = Retirer
data-filter-remove-of = Retirer le filtre « { $filter } »
data-filter-describe = { $column } { $op } « { $value } »
data-filter-describe-no-value = { $column } { $op }
data-op-eq = est égal à
data-op-ne = est différent de
data-op-gt = est supérieur à
data-op-ge = est supérieur ou égal à
data-op-lt = est inférieur à
data-op-le = est inférieur ou égal à
data-op-contains = contient
data-op-missing = est vide
data-op-present = n'est pas vide

data-pack-title = Atelier « { $pack } »
data-pack-dataset = { $title } — { $source }
data-pack-presets = Les graphiques préparés pour l'atelier (le premier est ouvert) :
data-pack-missing = L'atelier « { $pack } » est introuvable sur cet appareil : ouvrez-le depuis la page Ateliers, ou ouvrez un fichier ci-dessus.

## Chercher des données ouvertes (data.gouv.fr)
data-search-title = Chercher des données ouvertes sur votre territoire
data-search-hint = Le catalogue national data.gouv.fr, interrogé depuis cet appareil seulement quand vous cherchez. Les fichiers CSV s'ouvrent ici.
data-search-words = Mots-clés
data-search-commune = Commune (facultatif)
data-search-departement = Tout le département de cette commune
data-search-button = Chercher
data-search-busy = Recherche sur data.gouv.fr…
data-search-found = { $count ->
    [0] Aucun jeu de données ne correspond.
    [one] Un jeu de données correspond.
   *[other] { $count } jeux de données correspondent ({ $shown } affichés).
}
data-search-updated = mis à jour le { $date }
data-search-open = Ouvrir « { $title } » (CSV)
data-search-too-large = « { $title } » : { $size } Mo, trop volumineux pour un navigateur (utilisez « briques csv » en ligne de commande)
data-search-not-csv = { $count ->
    [one] Un autre fichier n'est pas un tableau CSV.
   *[other] { $count } autres fichiers ne sont pas des tableaux CSV.
}

## Mode atelier : titres neutres, explications sur demande, corrigé, impressions
data-workshop-mode = Mode atelier : titres neutres (« Graphique 1 »…), explications sur demande
data-workshop-chart = Graphique { $n }
data-workshop-show-note = Voir l'explication
data-workshop-print = Imprimer les graphiques
data-workshop-print-hint = Chaque graphique préparé, titre neutre, deux par page A4.
data-workshop-key = Corrigé
data-workshop-key-title = Corrigé pour l'animateur
data-workshop-key-intro = À garder pour soi : pour chaque graphique, le titre d'origine, le procédé trompeur et ce qu'il faut faire remarquer.
data-workshop-key-print = Imprimer le corrigé
data-workshop-key-number = N°
data-workshop-key-original = Titre d'origine
data-workshop-key-trick = Procédé
data-workshop-key-note = Explication
data-workshop-key-honest = aucun : graphique honnête
data-workshop-print-title = { $pack } : les graphiques préparés

## Dessiner à la main : axes vierges
data-hand-title = Dessiner ce graphique à la main
data-hand-button = Imprimer des axes vierges
data-hand-scale = Échelle conseillée : de 0 à { $top }, une ligne tous les { $step } ({ $steps } graduations). L'axe part de zéro.
data-hand-how = Sur la feuille, l'axe vertical est déjà gradué à partir de zéro et chaque catégorie a sa place en bas. Placez chaque valeur du tableau à sa hauteur (entre deux lignes, estimez), puis tracez les barres ou reliez les points. Sur papier quadrillé, prenez un grand carreau par graduation.
data-hand-values = Les valeurs à placer
data-hand-none = Ce graphique n'a rien à dessiner : choisissez une colonne en abscisse.
data-hand-sheet-title = Axes vierges : { $title }

## Secret statistique sur les effectifs de personnes
data-secret-toggle = Ce graphique compte des personnes : appliquer le secret statistique
data-secret-explain = Un effectif de 1 à 10 personnes pourrait désigner quelqu'un : il est remplacé par « < 11 » et n'est pas dessiné. Quand une ligne n'a qu'une case masquée, une deuxième l'est aussi (« secret »), sinon on retrouverait la première en retranchant les autres cases du total. Les images et le CSV exportés sont masqués de la même façon.
data-secret-summary = Effectifs masqués : { $primary } car inférieurs à 11, { $secondary } de plus pour qu'on ne puisse pas les recalculer.
data-secret-not-applicable = Le secret statistique s'applique ici aux graphiques par catégories (barres, camembert…) qui comptent des lignes ou additionnent des effectifs : pas aux moyennes, médianes, nuages de points ni histogrammes.
data-secret-table = Les effectifs du graphique, après masquage
data-secret-small = < { $k }
data-secret-total = Total
data-secret-hidden = secret
