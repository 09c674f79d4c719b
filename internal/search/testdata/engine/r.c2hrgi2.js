__pubgenSearch.shard("r",[["study/apart/index.html","主题教育学习笔记",3,0,0,"2024-09-01","","主题教育期间，每月的党日安排集中学习。"]]);
