package org.jiuzhu.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators list holidays and make-up working days; due dates count working days by them. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    static final String VIEW = "timelimits/calendar";

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarAdminController(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.specialDays(shown));
        return VIEW;
    }

    @PostMapping
    String put(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "false") boolean working,
               @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "日期格式应为 年-月-日，例如 2027-02-08。");
            return "redirect:/admin/calendar";
        }
        if (name.isBlank() || name.strip().length() > 50) {
            redirect.addFlashAttribute("error", "请填写名称（不超过 50 个字），例如“春节”或“春节调休上班”。");
            return "redirect:/admin/calendar?year=" + date.getYear();
        }
        calendar.put(date, working, name.strip());
        redirect.addFlashAttribute("message", date + (working ? " 设为调休上班日：" : " 设为节假日：") + name.strip());
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    @PostMapping("/remove")
    String remove(@RequestParam String day, RedirectAttributes redirect) {
        LocalDate date = LocalDate.parse(day);
        calendar.remove(date);
        redirect.addFlashAttribute("message", date + " 已恢复为按星期计算。");
        return "redirect:/admin/calendar?year=" + date.getYear();
    }
}
