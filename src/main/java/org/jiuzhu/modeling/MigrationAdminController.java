package org.jiuzhu.modeling;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators move running cases to the latest version of a process: choosing a process shows
 * the dry run (which cases can be migrated, which cannot and why), then they execute it.
 */
@Controller
@RequestMapping("/admin/migration")
class MigrationAdminController {

    static final String VIEW = "modeling/migration";

    private final VersionMigration migration;

    MigrationAdminController(VersionMigration migration) {
        this.migration = migration;
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String version, Model model) {
        var processes = migration.processes();
        model.addAttribute("processes", processes);
        model.addAttribute("selected", processes.stream().filter(p -> p.key().equals(key.strip())).findFirst().orElse(null));
        model.addAttribute("key", key.strip());
        model.addAttribute("version", version.strip());
        if (!key.isBlank()) {
            try {
                model.addAttribute("dryRun", migration.dryRun(key, versionOf(version)));
            } catch (VersionMigration.Refused e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return VIEW;
    }

    @PostMapping("/migrate")
    String migrate(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String version,
                   RedirectAttributes redirect) {
        try {
            VersionMigration.Outcome outcome = migration.migrate(key, versionOf(version));
            String message = "已将 " + outcome.migrated() + " 件案件迁移到“" + outcome.name() + "”第 " + outcome.targetVersion() + " 版。";
            if (!outcome.left().isEmpty()) {
                message += outcome.left().size() + " 件案件不能迁移，仍按原版本办理（见下方“不能迁移”）。";
            }
            redirect.addFlashAttribute("message", message);
            if (!outcome.errors().isEmpty()) {
                redirect.addFlashAttribute("error", String.join("\n", outcome.errors()));
            }
        } catch (VersionMigration.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("key", key.strip());
        if (!version.isBlank()) {
            redirect.addAttribute("version", version.strip());
        }
        return "redirect:/admin/migration";
    }

    private static Integer versionOf(String version) {
        if (version.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw new VersionMigration.Refused("版本号应为数字，例如 1；留空表示所有仍有办理中案件的旧版本。");
        }
    }
}
