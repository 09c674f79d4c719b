__pubgenSearch.shard("pd0","jphd2o7");
