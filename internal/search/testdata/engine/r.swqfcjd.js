__pubgenSearch.shard("r",[["study/rules/a.pdf#page=2","附件：制度汇编（第 2 页）",3,1,0,"2025-01-01","","附录 入党流程图说明。","study/rules/index.html","管理制度汇编"]]);
