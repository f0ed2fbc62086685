# budget
# Glossaire (explorateur de budget)
glossary-budget-primitif = Budget primitif
glossary-budget-primitif-def = Le budget principal de l'année, voté par le conseil municipal en général avant le 15 avril : il prévoit et autorise toutes les dépenses et recettes de l'année. C'est une prévision, pas ce qui a réellement été dépensé.
glossary-decision-modificative = Décision modificative
glossary-decision-modificative-def = Un vote du conseil municipal qui corrige le budget en cours d'année, par exemple pour ajouter des crédits à des travaux plus chers que prévu ou inscrire une subvention obtenue entre-temps. Une commune en vote souvent une à trois par an.
glossary-compte-administratif = Compte administratif
glossary-compte-administratif-def = Le bilan de l'année écoulée présenté par le maire : il montre ce qui a vraiment été dépensé et encaissé, comparé à ce que prévoyait le budget. Il est voté avant le 30 juin de l'année suivante et doit concorder avec le compte de gestion tenu par le comptable public (agent de l'État qui paie et encaisse pour la commune).
glossary-compte-financier-unique = Compte financier unique (CFU)
glossary-compte-financier-unique-def = Un document unique qui remplace à la fois le compte administratif du maire et le compte de gestion du comptable public, pour présenter les comptes de l'année de façon plus lisible. Il est généralisé à toutes les collectivités à partir des comptes de l'année 2026.
glossary-exercice = Exercice
glossary-exercice-def = L'année budgétaire et comptable de la commune, du 1er janvier au 31 décembre : le compte administratif de l'exercice 2024 montre ce qui a été dépensé et encaissé en 2024.
glossary-section-fonctionnement = Section de fonctionnement
glossary-section-fonctionnement-def = La partie du budget qui regroupe les dépenses et recettes courantes, qui reviennent chaque année : salaires, électricité, entretien, cantine d'un côté ; impôts locaux, dotations de l'État, tarifs des services de l'autre. Elle est comparable au budget du quotidien d'un ménage.
glossary-section-investissement = Section d'investissement
glossary-section-investissement-def = La partie du budget consacrée à ce qui enrichit durablement le patrimoine de la commune : construire une école, refaire une route, acheter un terrain, mais aussi rembourser le capital des emprunts. Elle est financée par l'épargne, les subventions, le FCTVA et les emprunts.
glossary-operations-reelles = Opérations réelles
glossary-operations-reelles-def = Les dépenses et recettes qui correspondent à de vrais mouvements d'argent, entrant ou sortant des caisses de la commune : payer une facture, verser un salaire, encaisser un impôt. Ce sont elles qu'on utilise pour analyser la situation financière.
glossary-operations-ordre = Opérations d'ordre
glossary-operations-ordre-def = Des écritures purement comptables, sans aucun argent qui entre ou qui sort, par exemple l'amortissement ou le virement d'une section à l'autre. Elles apparaissent à la fois en dépense et en recette, donc elles s'annulent au total.
glossary-epargne-gestion = Épargne de gestion
glossary-epargne-gestion-def = Ce qui reste des recettes courantes une fois payées les dépenses courantes, sans compter les intérêts de la dette. Elle mesure si la commune gère son quotidien avec une marge, indépendamment de ses emprunts.
glossary-epargne-brute = Épargne brute
glossary-epargne-brute-def = Ce qui reste des recettes courantes une fois payées toutes les dépenses courantes, intérêts de la dette compris ; on l'appelle aussi capacité d'autofinancement (CAF). Rapportée aux recettes courantes, on s'inquiète en général quand elle descend sous 8 à 10 %.
glossary-epargne-nette = Épargne nette
glossary-epargne-nette-def = L'épargne brute moins le remboursement du capital des emprunts de l'année : c'est l'argent réellement disponible pour payer de nouveaux investissements. Si elle est négative, la commune doit puiser dans ses réserves ou emprunter pour rembourser ses dettes, ce qui est un signal d'alerte.
glossary-autofinancement = Autofinancement
glossary-autofinancement-def = La part des investissements payée avec l'argent propre de la commune, surtout son épargne, sans recourir à l'emprunt. Par exemple, une salle de sport de 1 million d'euros financée à 300 000 € par l'épargne est autofinancée à 30 %.
glossary-capacite-desendettement = Capacité de désendettement
glossary-capacite-desendettement-def = Le nombre d'années qu'il faudrait à la commune pour rembourser toute sa dette si elle y consacrait toute son épargne brute (dette divisée par épargne brute). Moins de 8 ans est considéré comme sain ; au-delà de 12 ans, la situation est jugée préoccupante pour une commune.
glossary-encours-dette = Encours de la dette
glossary-encours-dette-def = Le montant total que la commune doit encore rembourser aux banques au 31 décembre, sans compter les intérêts futurs. On le compare souvent au nombre d'habitants, par exemple 800 € de dette par habitant.
glossary-emprunt = Emprunt
glossary-emprunt-def = De l'argent prêté à la commune par une banque, à rembourser avec intérêts sur 15 à 30 ans en général. La loi interdit d'emprunter pour payer les dépenses courantes comme les salaires : l'emprunt ne peut financer que des investissements.
glossary-dgf = DGF (dotation globale de fonctionnement)
glossary-dgf-def = La principale somme versée chaque année par l'État aux communes pour leur fonctionnement ; elle dépend surtout du nombre d'habitants. Pour une commune de 3 000 habitants, c'est souvent plusieurs centaines de milliers d'euros.
glossary-fctva = FCTVA (fonds de compensation pour la TVA)
glossary-fctva-def = Un remboursement par l'État d'une grande partie de la TVA que la commune a payée sur ses investissements, environ 16 % du prix TTC des travaux. Il est versé avec un décalage de zéro à deux ans selon les cas : pour 100 000 € de travaux, la commune récupère environ 16 000 €.
glossary-taxe-fonciere = Taxe foncière
glossary-taxe-fonciere-def = L'impôt local payé chaque année par les propriétaires de maisons, d'appartements, de locaux ou de terrains ; le conseil municipal vote son taux. Depuis la suppression de la taxe d'habitation sur les résidences principales, c'est la principale ressource fiscale que la commune contrôle.
glossary-attribution-compensation = Attribution de compensation
glossary-attribution-compensation-def = Une somme versée chaque année entre l'intercommunalité et chaque commune membre pour que le transfert d'impôts ou de compétences ne fasse ni gagnant ni perdant. Elle est en général versée à la commune, mais peut être payée par la commune si elle a transféré plus de services que d'impôts.
glossary-intercommunalite = Intercommunalité
glossary-intercommunalite-def = Un regroupement de communes voisines (communauté de communes, communauté d'agglomération, métropole…) qui exercent ensemble certaines missions comme les déchets, l'eau ou le développement économique. Presque toutes les communes françaises en font partie, et elle a son propre budget et ses propres impôts.
glossary-chapitre = Chapitre
glossary-chapitre-def = Un regroupement de comptes dans le budget, qui sert en général de niveau de vote : le conseil municipal vote un montant par chapitre. Par exemple, le chapitre 012 rassemble toutes les charges de personnel et le chapitre 011 les dépenses courantes comme l'énergie ou les fournitures.
glossary-compte-nature = Compte par nature
glossary-compte-nature-def = Le classement d'une dépense ou d'une recette selon ce qu'elle est : un salaire, de l'électricité, un impôt, une subvention… Chaque nature a un numéro ; par exemple les comptes commençant par 6 sont des dépenses de fonctionnement et ceux commençant par 7 des recettes de fonctionnement.
glossary-fonction = Fonction
glossary-fonction-def = Le classement d'une dépense ou d'une recette selon ce à quoi elle sert : enseignement, culture, sport, action sociale, voirie… Il permet de savoir combien la commune consacre à chaque politique publique ; il est obligatoire pour les communes de 3 500 habitants et plus.
glossary-nomenclature = Nomenclature (M14, M57)
glossary-nomenclature-def = Le plan de classement comptable que les communes doivent suivre pour présenter leurs budgets de la même façon partout. L'ancienne nomenclature M14 a été remplacée par la M57, obligatoire pour toutes les communes depuis le 1er janvier 2024 ; c'est pourquoi certains numéros de comptes changent d'une année à l'autre.
glossary-restes-a-realiser = Restes à réaliser
glossary-restes-a-realiser-def = Les dépenses engagées mais pas encore payées, et les recettes certaines mais pas encore encaissées, au 31 décembre. Par exemple, des travaux commandés en novembre et facturés en février sont reportés sur le budget de l'année suivante.
glossary-resultat-reporte = Résultat reporté
glossary-resultat-reporte-def = L'excédent (ou le déficit) de l'année précédente, repris dans le budget de la nouvelle année. Un excédent reporté est une réserve que la commune peut utiliser ; un déficit doit être comblé.
glossary-virement-section = Virement à la section d'investissement
glossary-virement-section-def = La somme que la commune prévoit de faire passer de sa section de fonctionnement vers sa section d'investissement, pour financer ses projets avec son épargne. C'est une écriture de prévision qui figure au budget mais pas dans les comptes de fin d'année, où c'est l'affectation du résultat qui joue ce rôle.
glossary-amortissement = Amortissement
glossary-amortissement-def = Une écriture qui constate chaque année l'usure d'un bien et met de côté de quoi le remplacer : un véhicule de 30 000 € amorti sur 5 ans compte pour 6 000 € par an. Aucun argent ne sort des caisses ; c'est obligatoire pour les communes de 3 500 habitants et plus, pour la plupart des biens.
glossary-subvention = Subvention
glossary-subvention-def = Une aide financière sans obligation de remboursement. La commune en reçoit (de l'État, de la région ou du département, par exemple pour rénover une école) et en verse (à des associations sportives ou culturelles, au centre communal d'action sociale).
glossary-charges-personnel = Charges de personnel
glossary-charges-personnel-def = Les salaires et cotisations sociales des agents de la commune (secrétariat, écoles, entretien, police municipale…), regroupés au chapitre 012. C'est souvent la plus grosse dépense de fonctionnement, autour de la moitié du total.
glossary-depenses-equipement = Dépenses d'équipement
glossary-depenses-equipement-def = Les achats et travaux qui créent ou améliorent un bien durable de la commune : construire une médiathèque, rénover une école, refaire une chaussée, acheter un véhicule. C'est le cœur de l'investissement, hors remboursement de la dette.
glossary-strate = Strate
glossary-strate-def = Un groupe de communes de taille comparable (par exemple de 2 000 à 3 500 habitants), utilisé pour comparer les chiffres d'une commune à la moyenne de communes semblables. Les moyennes par strate sont publiées chaque année par l'État.

# Explorateur de budget
budget-lead = D'où vient l'argent de la commune, où va-t-il, et qu'est-ce que cela veut dire ? Tout est calculé sur cet appareil : les fichiers ne quittent jamais votre navigateur.
budget-choose = Choisir une commune
budget-commune-label = Votre commune (nom, code postal ou code INSEE)
budget-commune-hint = Toutes les communes de France : ses comptes viennent des données publiques de l'OFGL et de la DGFiP. Seule la demande de cette commune quitte cet appareil, et elle y reste enregistrée pour un atelier sans internet.
budget-saved-title = Communes enregistrées sur cet appareil
budget-saved-on = enregistrée le { $date }
budget-saved-remove = Retirer
budget-saved-remove-label = Retirer { $name } de cet appareil
budget-origin-apis = Comptes publiés par l'OFGL (data.ofgl.fr) et la DGFiP (data.economie.gouv.fr), enregistrés sur cet appareil : ils restent consultables sans internet.
budget-origin-device = Copie enregistrée sur cet appareil le { $date }.
budget-origin-refresh = Mettre à jour depuis les données publiques
budget-origin-consolidated = Indicateurs et comparaison : comptes consolidés publiés par l'OFGL (budget principal et budgets annexes). Détail des comptes : balance de la DGFiP du budget principal.
budget-demo = Commune de démonstration : Briqueville
budget-file = Importer un fichier budgétaire
budget-file-hint = Formats lus : documents budgétaires TOTEM et comptes financiers uniques (XML), exports de l'OFGL, budgets au format SCDL et balances comptables de la DGFiP (CSV). Le fichier reste sur cet appareil.
budget-reading = Lecture de « { $file } » ({ $size } Ko)…
budget-analysing = Analyse de « { $file } »…
budget-imported = « { $file } » importé : { $name }, { $count ->
    [one] un exercice.
   *[other] { $count } exercices.
}
budget-left-out = { $count ->
    [one] Un autre budget du fichier (budget annexe ou autre collectivité) n'est pas affiché.
   *[other] { $count } autres budgets du fichier (budgets annexes ou autres collectivités) ne sont pas affichés.
}
budget-import-failed = « { $file } » n'a pas pu être importé : { $message }. Le budget affiché reste inchangé.
budget-loading = Chargement du budget…
budget-load-failed = Le budget n'a pas pu être chargé. { $message }
budget-no-lines = Ce fichier ne donne que des agrégats, sans le détail des lignes : le détail et « Si j'étais maire » ont besoin d'un document budgétaire, d'un fichier SCDL ou d'une balance.
budget-nomenclature = Nomenclature comptable { $name }.
budget-what-is-it = Qu'est-ce que c'est ?
budget-inhabitants = { $count ->
    [one] { $count } habitant
   *[other] { $count } habitants
}
budget-year = Exercice
budget-population = Population (habitants), pour les montants par habitant
budget-warnings = { $count ->
    [one] Une remarque sur le fichier
   *[other] { $count } remarques sur le fichier
}
budget-tabs = Activité
budget-tab-explorer = Explorer le budget
budget-tab-maire = Si j'étais maire
budget-indicators = Les indicateurs clés
budget-compare = Environ { $share } % des communes de { $strate } ont un montant plus élevé par habitant (médiane { $median }, la moitié des communes entre { $q1 } et { $q3 }).
budget-compare-none = Pas de comparaison possible : la population de la commune ou les statistiques de sa strate manquent.
budget-where-goes = Où va l'argent ?
budget-where-comes = D'où vient l'argent ?
budget-view-options = Options d'affichage
budget-side = Sens
budget-side-depenses = Dépenses
budget-side-recettes = Recettes
budget-axis = Regrouper
budget-axis-nature = Par nature (chapitres)
budget-axis-fonction = Par politique publique (fonctions)
budget-per-head = Par habitant
budget-breadcrumb = Fil d'Ariane du budget
budget-fonction-none = Fonction non précisée
budget-treemap-title = Répartition : { $name }
budget-treemap-label = Répartition de « { $name } » : chaque rectangle est proportionnel au montant ; le tableau qui suit donne les mêmes chiffres.
budget-label-parent = { $label } (libellé du compte { $parent } : ce compte ne figure pas dans le plan de comptes)
budget-treemap-others = { $count ->
    [one] Un autre poste
   *[other] { $count } autres postes
}
budget-treemap-all = Revenir à tous les postes
budget-last-level = Dernier niveau : les lignes du budget pour ce compte.
budget-col-part = Poste
budget-col-amount = Montant réalisé
budget-col-share = Part
budget-col-compte = Compte
budget-col-label = Libellé
budget-col-chapitre = Chapitre
budget-col-fonction = Fonction
budget-col-prevu = Montant prévu
budget-parts-of = Détail de « { $name } »
budget-lines-of = Lignes du budget : { $name }
budget-export-csv = Exporter le tableau (CSV)
budget-hundred = Ce que financent 100 € de dépenses
budget-hundred-chart = Sur 100 € dépensés
budget-hundred-item = { $category } : { $amount } €
budget-evolution = Évolution sur les exercices disponibles
budget-evolution-label = Évolution des recettes et des dépenses réelles de fonctionnement et de l'épargne brute, par exercice
budget-m57-change = Passage à la M57
budget-m57-note = La commune est passée de la nomenclature M14 à la M57 : les totaux se comparent, mais certains comptes et fonctions ont changé de périmètre.
budget-glossary-title = Glossaire
budget-glossary-intro = Les mots de la comptabilité publique, expliqués simplement. Chaque terme souligné dans la page mène ici.
budget-glossary-link = Voir dans le glossaire

# Si j'étais maire
mayor-title = Si j'étais maire
mayor-rules-title = Les règles à respecter
mayor-reset = Revenir au budget réel
mayor-outcome = Résultat de vos choix
mayor-balanced = Le budget respecte toutes les règles.
mayor-group = Nom du groupe
mayor-save = Enregistrer la proposition du groupe
mayor-group-missing = Donnez un nom au groupe avant d'enregistrer.
mayor-group-saved = Proposition du groupe « { $group } » enregistrée sur cet appareil.
mayor-group-not-saved = La proposition du groupe « { $group } » est affichée mais n'a pas pu être enregistrée : { $reason }
mayor-compare = Comparer les groupes
mayor-compare-empty = Aucune proposition enregistrée pour cette commune et cet exercice.
mayor-actual = Budget réel
mayor-line = Poste
mayor-rules = Règles
mayor-rules-ok = respectées
mayor-rules-broken = { $count ->
    [one] une règle non respectée
   *[other] { $count } règles non respectées
}
mayor-clear = Effacer les propositions de cette commune
mayor-clear-confirm = Effacer toutes les propositions enregistrées pour cette commune et cet exercice ?

# Budgets nationaux servis par briques serve --budgets
serve-budgets = Budgets nationaux : { $count } communes ({ $path })
serve-budgets-failed = impossible de lire les budgets nationaux dans { $path } (attendu : le dossier écrit par « briques budget prepare »)
budget-api-unknown = aucune donnée pour « { $code } » dans les budgets nationaux
budget-api-bad-code = code INSEE invalide : attendu cinq caractères (chiffres, ou 2A/2B pour la Corse)

budget-collectivite = Collectivité du fichier
budget-too-big = « { $file } » pèse { $size } Mo : c'est un fichier national ou régional, trop gros pour le navigateur. Préparez-le avec « briques budget prepare » puis lancez « briques serve --budgets » pour chercher chaque commune.
budget-progress = Import en cours

## Population strates (DGFiP/OFGL bands)
budget-strate-1 = moins de 250 habitants
budget-strate-2 = 250 à 499 habitants
budget-strate-3 = 500 à 1 999 habitants
budget-strate-4 = 2 000 à 3 499 habitants
budget-strate-5 = 3 500 à 4 999 habitants
budget-strate-6 = 5 000 à 9 999 habitants
budget-strate-7 = 10 000 à 19 999 habitants
budget-strate-8 = 20 000 à 49 999 habitants
budget-strate-9 = 50 000 à 99 999 habitants
budget-strate-10 = 100 000 habitants et plus

## Prepared national folders (briques budget prepare)
budget-prepared-json = { $file } illisible : { $detail }
budget-prepared-not-prepared = { $file } n'est pas un fichier préparé par cette version de Briques : relancez « briques budget prepare » sur le fichier national
budget-prepared-newer = { $file } a été préparé par une version plus récente de Briques (version { $version }) : mettez Briques à jour
budget-prepare-io = lecture ou écriture impossible : { $detail }
budget-prepare-polars = le fichier national n'a pas pu être lu : { $detail }
budget-populations-unreadable = fichier des populations illisible : { $detail }
budget-populations-no-code = colonne COM (code INSEE de la commune) absente
budget-other-nomenclature = Nomenclature { $nomenclature } : ce budget n'est pas celui d'une commune (service, syndicat, département…). Ses totaux par section sont justes, mais Briques ne connaît les libellés et les catégories citoyennes que des nomenclatures des communes (M14, M57).

## Budgets from the official open-data APIs (core/src/budget/opendata.rs)
opendata-source-ofgl = l'OFGL (data.ofgl.fr)
opendata-source-dgfip = la DGFiP (data.economie.gouv.fr)
opendata-source-datagouv = data.gouv.fr
opendata-unreachable = Impossible de joindre { $source } : pas de connexion à internet, ou l'adresse ne répond pas. Ce qui est déjà affiché reste là ; les communes enregistrées sur cet appareil restent consultables.
opendata-timeout = { $source } ne répond pas à temps. Réessayez dans un moment ; ce qui est déjà affiché reste là.
opendata-rate-limited = { $source } refuse pour l'instant : le nombre de demandes autorisées est atteint (il est remis à zéro chaque nuit). Réessayez plus tard ou utilisez une commune enregistrée.
opendata-not-published = Les comptes { $year } ne sont pas encore publiés par { $source }.
opendata-no-data = { $source } n'a aucune donnée pour cette commune.
opendata-status = { $source } a répondu par une erreur (HTTP { $status }). { $detail }
opendata-unexpected = La réponse de { $source } n'est pas celle que sa documentation décrit ({ $detail }). Réessayez plus tard.
fetch-bad-years = exercices « { $value } » illisibles : écrivez une année (2023) ou un intervalle (2019-2023)
fetch-commune = { $nom } ({ $insee }) : téléchargement des comptes…
fetch-https-not-built = cette version de Briques est celle du démarrage rapide (scripts/run), compilée sans HTTPS : compilez la version complète (cargo build --release -p briques) et utilisez target/release/briques budget fetch …
fetch-no-balance = aucune balance DGFiP pour { $year } : les indicateurs de l'OFGL seuls pour cette année
fetch-done = { $nom } : exercices { $years } enregistrés dans { $out } (à servir avec « briques serve --budgets { $out } »)
budget-open-failed = Cette commune n'a pas pu être chargée ; le budget affiché reste là. { $message }
budget-aggregates-title = Les { $count } agrégats publiés par l'OFGL ({ $year })
budget-aggregates-show = Afficher le tableau
budget-aggregates-name = Agrégat
budget-aggregates-principal = Budget principal
budget-aggregates-consolidated = Avec les budgets annexes
budget-aggregates-per-inhabitant = Par habitant (avec les budgets annexes)
budget-aggregates-source = Source : OFGL, base des comptes consolidés des communes (data.ofgl.fr, Licence Ouverte 2.0). « Avec les budgets annexes » : budget principal et budgets annexes, sans les flux entre eux.

## « Si j'étais maire » : le jeu des 100 jetons (papier, page Budget, en direct)
game-poste-ecole = École et périscolaire
game-poste-ecole-detail = agents, cantine, garderie, bâtiments scolaires ; pas les enseignants, payés par l'État
game-poste-administration = Administration générale
game-poste-administration-detail = accueil, état civil, élections, assurances, bâtiments communaux
game-poste-voirie = Voirie et aménagement
game-poste-voirie-detail = routes, éclairage, urbanisme, transports
game-poste-sport = Sport et jeunesse
game-poste-sport-detail = stade, gymnase, accueil de loisirs
game-poste-culture = Culture, fêtes et associations
game-poste-culture-detail = médiathèque, fête communale, subventions aux associations
game-poste-social = Action sociale et aînés
game-poste-social-detail = CCAS, petite enfance, portage de repas
game-poste-securite = Sécurité
game-poste-securite-detail = police municipale, contribution au service des pompiers (SDIS)
game-poste-environnement = Environnement et économie locale
game-poste-environnement-detail = propreté, déchets, espaces naturels, commerces
game-poste-non-reparti = Non réparti
game-poste-non-reparti-detail = le fichier de la commune ne dit pas à quoi servent ces dépenses
game-poste-interets = Intérêts de la dette
game-poste-interets-detail = obligatoires
game-poste-autofinancement = Autofinancement
game-poste-autofinancement-detail = mis de côté pour rembourser le capital des emprunts et investir
game-rule-equilibre = Équilibre (la loi) : autant de jetons posés que de jetons disponibles, { $tokens } plus ceux d'une hausse d'impôt, moins ceux qu'une carte imprévu retire. Pas un de plus, pas un de moins.
game-rule-interets = Les intérêts de la dette sont une dépense obligatoire (la loi) : { $tokens } jetons, on n'y touche pas.
game-rule-autofinancement = L'autofinancement ne descend pas sous { $min } jetons (la loi) : c'est de quoi rembourser le capital des emprunts de l'année, { $amount }.
game-rule-baisse = Aucun poste de dépense ne baisse de plus de { $max } jetons en un an (règle du jeu : la moitié des dépenses sont les salaires d'agents en poste).
game-rule-impot = Pour dépenser plus, prendre ailleurs ou augmenter les impôts locaux : { $max } jetons de hausse au plus (règle du jeu : un dixième de ce qu'ils rapportent), à justifier devant la salle.
game-rule-impot-per = Pour dépenser plus, prendre ailleurs ou augmenter les impôts locaux : { $max } jetons de hausse au plus (règle du jeu : un dixième de ce qu'ils rapportent) ; chaque jeton d'impôt coûte environ { $per } par habitant et par an, à justifier devant la salle.
game-rule-imprevu = Une carte imprévu tirée s'applique à tous les groupes : le poste qu'elle nomme reçoit les jetons qu'elle demande, ou la commune perd les recettes qu'elle annonce.
game-rule-priorite = Chaque groupe choisit une priorité et la défend en une phrase.
game-card-energie = Hiver froid et énergie chère
game-card-energie-text = le chauffage des bâtiments coûte 3 jetons de plus : l'administration générale reçoit 3 jetons de plus. Où les prenez-vous ?
game-card-dotation = L'État baisse sa dotation
game-card-dotation-text = 2 jetons de recettes en moins : il n'y a plus que 98 jetons à poser (plus une éventuelle hausse d'impôt). Réduire les dépenses ou augmenter l'impôt ?
game-card-classe = Une nouvelle classe ouvre à la rentrée
game-card-classe-text = l'école reçoit 2 jetons de plus (un agent, du matériel).
game-card-none = Pas de carte tirée
game-sheet-intro = { $commune }, exercice { $year } : recettes de fonctionnement de { $amount } = **100 jetons** (1 jeton ≈ { $token }). Chiffres arrondis pour le jeu.
game-sheet-intro-per = { $commune }, exercice { $year } : recettes de fonctionnement de { $amount } = **100 jetons** (1 jeton ≈ { $token }, soit { $per } par habitant). Chiffres arrondis pour le jeu.
game-sheet-poste = Poste (ce qu'il comprend)
game-sheet-reel = Réel { $year }
game-sheet-choix = Notre choix
game-sheet-total = Total
game-sheet-total-choix = 100 + impôt − imprévu
game-sheet-impot = Hausse d'impôt décidée : …… jetons ({ $max } au plus).
game-sheet-imprevu = Carte imprévu tirée : …………………… Jetons à ajouter ou recettes perdues : ……
game-sheet-priorite = Notre priorité, en une phrase : …………………………………………
game-problem-equilibre-over = { $count } jetons posés de trop : le budget n'est pas à l'équilibre.
game-problem-equilibre-under = { $count } jetons ne sont pas posés : le budget n'est pas à l'équilibre (mettez-les de côté en autofinancement, par exemple).
game-problem-interets = Les intérêts de la dette restent à { $tokens } jetons.
game-problem-autofinancement = L'autofinancement descend sous { $min } jetons : le capital des emprunts ne serait plus remboursé.
game-problem-baisse = { $poste } perd { $tokens } jetons : plus de { $max } en un an.
game-problem-impot = La hausse d'impôt dépasse { $max } jetons.
game-problem-imprevu = La carte imprévu n'est pas absorbée : il manque { $tokens } jetons à { $poste }.
game-intro = Vous êtes l'équipe municipale de { $commune } pour l'exercice { $year }. Les 100 jetons sont ses recettes de fonctionnement (1 jeton ≈ { $token }), posés comme dans le budget réel : déplacez-les en respectant les règles.
game-intro-per = Vous êtes l'équipe municipale de { $commune } pour l'exercice { $year }. Les 100 jetons sont ses recettes de fonctionnement (1 jeton ≈ { $token }, soit { $per } par habitant), posés comme dans le budget réel : déplacez-les en respectant les règles.
game-table-caption = Les jetons par poste : le budget réel et votre choix
game-less = Un jeton de moins : { $poste }
game-more = Un jeton de plus : { $poste }
game-tax = Hausse d'impôt (jetons)
game-tax-help = { $max } jetons au plus.
game-card = Carte imprévu
game-cards-title = Cartes imprévu
game-laid = { $laid } jetons posés sur { $available } disponibles.
game-sheet-title = La fiche de jeu de { $commune }, à imprimer
game-print = Imprimer la fiche de jeu
