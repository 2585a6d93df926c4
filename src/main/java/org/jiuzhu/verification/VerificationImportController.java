package org.jiuzhu.verification;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators load the verification platform's CSV export ({@code id_number,kind,description,amount}).
 * A file replaces the earlier records of the same source; a bad line rejects the whole file. A file above the
 * upload limit of this page ({@code jiuzhu.requests.uploads}) is refused before it arrives here.
 */
@Controller
@RequestMapping("/admin/verification-records")
class VerificationImportController {

    static final String VIEW = "verification/import";

    private final VerificationRecordImporter importer;
    private final VerificationRecordRepository records;

    VerificationImportController(VerificationRecordImporter importer, VerificationRecordRepository records) {
        this.importer = importer;
        this.records = records;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("recordCount", records.count());
        return VIEW;
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String source,
                  Model model, RedirectAttributes redirect) {
        String error = null;
        if (file.isEmpty()) {
            error = "请选择要导入的 CSV 文件。";
        } else if (source.isBlank() || source.strip().length() > 100) {
            error = "请填写数据来源（不超过 100 个字），例如“县核对平台 2026年11月”。";
        }
        if (error == null) {
            try {
                int count = importer.importCsv(file.getInputStream(), source.strip());
                redirect.addFlashAttribute("message", "已导入 " + count + " 条核对记录（来源：" + source.strip()
                        + "），同一来源的旧记录已替换。");
                return "redirect:/admin/verification-records";
            } catch (IllegalArgumentException e) {
                error = e.getMessage() + "。文件未导入。";
            } catch (IOException e) {
                error = "文件读取失败，请重新上传。";
            }
        }
        model.addAttribute("error", error);
        model.addAttribute("source", source);
        model.addAttribute("recordCount", records.count());
        return VIEW;
    }
}
