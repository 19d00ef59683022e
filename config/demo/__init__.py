"""The Tesoma demo: data files under `data/`, read and checked by `read`, written by `write`.

Lives in `config`, above the apps, because the demo touches all of them (areas, a campaign and its
input, accounts and roles, the toolkit's cards and pilots).
"""
