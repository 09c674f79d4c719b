__pubgenSearch.shard("td0","ykaeww4");
