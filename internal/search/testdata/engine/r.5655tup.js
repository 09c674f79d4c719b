__pubgenSearch.shard("r",[["disclosures/member/index.html","发展党员公示",0,1,2,"2025-06-10","","公示期内如有意见，请发 e-mail 反映。支部通过 ISO 9001 质量体系认证。"]]);
