# packs
