# English catalogue. Every key also exists in fr.ftl, with the same variables.

## App shell
app-name = Briques
app-tagline = Data-mediation workshops
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-duplo = Duplo
nav-budget = Budget
nav-data = Data
nav-workshops = Workshops
settings-label = Display settings
lang-label = Language
lang-fr = Français
lang-en = English
projector-toggle = Projector mode
projector-shortcut = Shortcut: Alt+P
footer-text = Briques is free software. Your data stays on this device: no account, no tracking.
page-title = { $page } — Briques

## Home
home-title = Welcome to Briques
home-intro = Workshops to understand data: your own, your town's, and what public services publish.
home-duplo-title = Data in Duplo bricks
home-duplo-text = Everyone answers a few harmless questions; we cross the answers and discover who becomes unique in the room.
home-budget-title = My town's budget
home-budget-text = Where does the town's money come from, where does it go, and what do the words of public accounting mean?
home-data-title = Reading and building charts
home-data-text = Open an open-data file, understand its columns and build an honest chart.
home-workshops-title = Ready-made workshops
home-workshops-text = Facilitation sheets with timings, materials and debrief questions.
home-open = Open

## Pages in preparation
coming-soon = This activity is coming soon to Briques.
budget-title = My town's budget
budget-soon = The town budget explorer is in preparation: it will read OFGL, DGFiP, SCDL files and TOTEM budget documents.
data-title = Reading and building charts
data-soon = The CSV explorer is in preparation: open a file, understand its columns, build a chart.
workshops-title = Workshops
workshops-soon = The workshop library is in preparation: context, method, tool, debrief and example sheets, ready to print.

## Page not found
not-found-title = Page not found
not-found-text = The address “{ $path }” does not match any page of Briques.
not-found-back = Back to the home page
