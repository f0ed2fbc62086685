# Catalogue français (langue par défaut de Briques).
# Chaque clé existe aussi dans en.ftl, avec les mêmes variables.

## Coquille de l'application
app-name = Briques
app-tagline = Ateliers de médiation aux données
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-duplo = Duplo
nav-budget = Budget
nav-data = Données
nav-workshops = Ateliers
settings-label = Réglages d'affichage
lang-label = Langue
lang-fr = Français
lang-en = English
projector-toggle = Mode projecteur
projector-shortcut = Raccourci : Alt+P
footer-text = Briques est un logiciel libre. Vos données restent sur cet appareil : aucun compte, aucun pistage.
page-title = { $page } — Briques

## Accueil
home-title = Bienvenue dans Briques
home-intro = Des ateliers pour comprendre les données : les vôtres, celles de votre commune, celles que publient les services publics.
home-duplo-title = Les données en Duplo
home-duplo-text = Chaque personne répond à quelques questions anodines ; on croise les réponses et on découvre qui devient unique dans la salle.
home-budget-title = Le budget de ma commune
home-budget-text = D'où vient l'argent de la commune, où va-t-il, et que signifient les mots de la comptabilité publique ?
home-data-title = Lire et construire un graphique
home-data-text = Ouvrir un fichier de données ouvertes, comprendre ses colonnes et construire un graphique honnête.
home-workshops-title = Ateliers prêts à l'emploi
home-workshops-text = Des fiches pour animer, minutées, avec le matériel et les questions de bilan.
home-open = Ouvrir

## Pages en préparation
coming-soon = Cette activité arrive bientôt dans Briques.
budget-title = Le budget de ma commune
budget-soon = L'explorateur de budget communal est en préparation : il lira les fichiers de l'OFGL, de la DGFiP, du SCDL et les documents budgétaires TOTEM.
data-title = Lire et construire un graphique
data-soon = L'explorateur de fichiers CSV est en préparation : ouvrir un fichier, comprendre ses colonnes, construire un graphique.
workshops-title = Ateliers
workshops-soon = La bibliothèque d'ateliers est en préparation : fiches contexte, méthode, outil, bilan et exemple, prêtes à imprimer.

## Page introuvable
not-found-title = Page introuvable
not-found-text = L'adresse « { $path } » ne correspond à aucune page de Briques.
not-found-back = Revenir à l'accueil
