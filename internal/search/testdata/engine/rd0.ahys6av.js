__pubgenSearch.shard("rd0","cqn2is5c2hrgi23tqmkzlx7fxf3kswqfcjdrngnkow6lhhib7t2kdvlm5655tup");
