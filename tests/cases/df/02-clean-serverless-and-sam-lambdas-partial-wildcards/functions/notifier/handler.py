def notify(e, c): return e
