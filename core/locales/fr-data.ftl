# data
data-error-empty = Le fichier est vide : il ne contient aucune ligne. Vérifiez que vous avez choisi le bon fichier.
data-error-no-header = La première ligne contient des nombres ou des dates, pas des noms de colonnes. Ajoutez une ligne d'en-tête (un nom par colonne) dans votre tableur, puis réessayez.
data-error-no-rows = Le fichier n'a qu'une ligne d'en-tête, sans données.
data-error-spreadsheet = Ce fichier est un classeur (xlsx, ods ou xls), pas un CSV : ouvrez-le dans votre tableur et enregistrez-le au format CSV.
data-error-binary = Ce fichier n'est pas du texte (image, PDF, archive…) : choisissez un fichier CSV.
data-error-unclosed-quote = Ligne { $line } : un guillemet ouvert n'est jamais refermé.
data-error-text-after-quote = Ligne { $line } : du texte suit un guillemet fermant (un guillemet dans une cellule doit être doublé : "").
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
data-sentence-date = Des dates ({ $distinct } différentes), du { $first } au { $last }.
data-sentence-text = Cette colonne contient { $distinct ->
    [one] { $distinct } seule valeur
   *[other] { $distinct } valeurs différentes
} ; les plus fréquentes sont { $top }.
data-sentence-missing = { $missing ->
    [one] { $missing } valeur manquante
   *[other] { $missing } valeurs manquantes
} sur { $rows }.
