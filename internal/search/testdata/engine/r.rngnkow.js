__pubgenSearch.shard("r",[["study/rules/a.pdf#page=1","附件：制度汇编（第 1 页）",3,1,0,"2025-01-01","","第一章 支部制度总则。","study/rules/index.html","管理制度汇编"]]);
