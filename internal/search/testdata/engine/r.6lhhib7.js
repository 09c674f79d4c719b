__pubgenSearch.shard("r",[["notices/plan/index.html","2025年党建工作要点",1,1,0,"2025-02-01","","围绕2025年党建工作，支部制定学习计划。"]]);
