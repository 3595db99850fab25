/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show version, show flash, show clock and show startup-config, per model as Packet Tracer prints them. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-show-private.h"
#include "ios-modules.h"
#include "ios-strings.h"

/* How each family of images lays out show version. */
typedef enum {
  FAMILY_ISR12,      /* 1841, 2811: IOS 12.4 */
  FAMILY_ISR15,      /* 1941, 2901, 2911: IOS 15.1, with license information */
  FAMILY_CATALYST,   /* 2960, 3560 */
  FAMILY_LEGACY,     /* 2620XM, 2621XM, Router-PT, 2950, Switch-PT: the two-line banner */
} Family;

typedef struct {
  guint       index;
  const char *name;
  guint       size;
} FlashFile;

/* The facts of show version and show flash that the catalog does not
 * hold (it has the banner, compile line, memory line and image). They
 * belong in data/catalog.xml; they live here until its schema has room.
 * Text fields end with "\n". */
typedef struct {
  const char      *model;
  Family           family;
  const char      *copyright;     /* "1986-2007" */
  const char      *rom;           /* the ROM lines */
  const char      *uptime_name;   /* what precedes "uptime is"; NULL: the hostname */
  const char      *image_device;  /* "flash:", "flash0:" or "" */
  const char      *board;         /* lines after the memory line, before the interface counts */
  const char      *storage;       /* lines after the interface counts */
  const char      *pid;           /* license PID (15.x) or switch model number */
  const char      *license_module;
  const char      *config_register;
  const FlashFile *flash;         /* highest index first, as show flash lists them; NULL-named end */
  guint64          flash_total;
  const char      *flash_footer;  /* routers' last line of show flash */
} ModelFacts;

/* Packet Tracer's own images and sizes (reference 4.3 and captures of the
 * 1941/2911 and 2811); the 1841's listing follows the 2811's. */
static const FlashFile isr12_1841_flash[] = {
  { 3, "c1841-advipservicesk9-mz.124-15.T1.bin", 33591768 },
  { 2, "sigdef-category.xml", 28282 },
  { 1, "sigdef-default.xml", 227537 },
  { 0, NULL, 0 },
};
static const FlashFile isr12_2811_flash[] = {
  { 3, "c2800nm-advipservicesk9-mz.124-15.T1.bin", 50938004 },
  { 2, "sigdef-category.xml", 28282 },
  { 1, "sigdef-default.xml", 227537 },
  { 0, NULL, 0 },
};
static const FlashFile isr15_1900_flash[] = {
  { 3, "c1900-universalk9-mz.SPA.151-4.M4.bin", 33591768 },
  { 2, "sigdef-category.xml", 28282 },
  { 1, "sigdef-default.xml", 227537 },
  { 0, NULL, 0 },
};
static const FlashFile isr15_2900_flash[] = {
  { 3, "c2900-universalk9-mz.SPA.151-4.M4.bin", 33591768 },
  { 2, "sigdef-category.xml", 28282 },
  { 1, "sigdef-default.xml", 227537 },
  { 0, NULL, 0 },
};
/* Packet Tracer lists the 2960's image without the "c" show version has. */
static const FlashFile c2960_flash[] = {
  { 1, "2960-lanbasek9-mz.150-2.SE4.bin", 4670455 },
  { 0, NULL, 0 },
};
static const FlashFile c3560_flash[] = {
  { 1, "c3560-advipservicesk9-mz.122-37.SE1.bin", 8662192 },
  { 0, NULL, 0 },
};

#define ISR12_BOARD_1841 "Processor board ID FTX0947Z18E\nM860 processor: part number 0, mask 49\n"
#define ISR15_STORAGE \
  "DRAM configuration is 64 bits wide with parity disabled.\n" \
  "255K bytes of non-volatile configuration memory.\n" \
  "249856K bytes of ATA System CompactFlash 0 (Read/Write)\n"
#define ISR15_ROM "ROM: System Bootstrap, Version 15.1(4)M4, RELEASE SOFTWARE (fc1)\n"
#define ISR15_FLASH_FOOTER "249856K bytes of processor board System flash (Read/Write)\n"
#define CATALYST_HARDWARE \
  "Motherboard assembly number     : 73-10390-03\n" \
  "Power supply part number        : 341-0097-02\n" \
  "Motherboard serial number       : FOC10093R12\n" \
  "Power supply serial number      : AZS1007032H\n" \
  "Model revision number           : B0\n" \
  "Motherboard revision number     : B0\n"

static const ModelFacts model_facts[] = {
  { "1841", FAMILY_ISR12, "1986-2007",
    "ROM: System Bootstrap, Version 12.3(8r)T8, RELEASE SOFTWARE (fc1)\n", NULL, "flash:",
    ISR12_BOARD_1841, "191K bytes of NVRAM.\n63488K bytes of ATA CompactFlash (Read/Write)\n",
    NULL, NULL, "0x2102", isr12_1841_flash, 64016384,
    "63488K bytes of processor board System flash (Read/Write)\n" },
  { "2811", FAMILY_ISR12, "1986-2007",
    "ROM: System Bootstrap, Version 12.1(3r)T2, RELEASE SOFTWARE (fc1)\nCopyright (c) 2000 by cisco Systems, Inc.\n",
    NULL, "", "Processor board ID JAD05190MTZ (4292891495)\nM860 processor: part number 0, mask 49\n",
    "239K bytes of NVRAM.\n62720K bytes of processor board System flash (Read/Write)\n",
    NULL, NULL, "0x2102", isr12_2811_flash, 64016384,
    "63488K bytes of processor board System flash (Read/Write)\n" },
  { "1941", FAMILY_ISR15, "1986-2012", ISR15_ROM, "cisco1941", "flash0:",
    "Processor board ID FTX152400KS\n", ISR15_STORAGE, "CISCO1941/K9", "c1900", "0x2102",
    isr15_1900_flash, 255744000, ISR15_FLASH_FOOTER },
  { "2901", FAMILY_ISR15, "1986-2012", ISR15_ROM, "cisco2901", "flash0:",
    "Processor board ID FTX152400KS\n", ISR15_STORAGE, "CISCO2901/K9", "c2900", "0x2102",
    isr15_2900_flash, 255744000, ISR15_FLASH_FOOTER },
  { "2911", FAMILY_ISR15, "1986-2012", ISR15_ROM, "cisco2911", "flash0:",
    "Processor board ID FTX152400KS\n", ISR15_STORAGE, "CISCO2911/K9", "c2900", "0x2102",
    isr15_2900_flash, 255744000, ISR15_FLASH_FOOTER },
  { "2960-24TT", FAMILY_CATALYST, "1986-2013",
    "ROM: Bootstrap program is C2960 boot loader\n"
    "BOOTLDR: C2960 Boot Loader (C2960-HBOOT-M) Version 12.2(25r)FX, RELEASE SOFTWARE (fc4)\n",
    NULL, "flash:", "Processor board ID FOC1010X104\nLast reset from power-on\n",
    "64K bytes of flash-simulated non-volatile configuration memory.\n",
    "WS-C2960-24TT-L", NULL, "0xF", c2960_flash, 64016384, NULL },
  { "3560-24PS", FAMILY_CATALYST, "1986-2007",
    "ROM: Bootstrap program is C3560 boot loader\n"
    "BOOTLDR: C3560 Boot Loader (C3560-HBOOT-M) Version 12.2(44)SE5, RELEASE SOFTWARE (fc1)\n",
    NULL, "flash:", "Processor board ID FOC1010X104\nLast reset from power-on\n",
    "512K bytes of flash-simulated non-volatile configuration memory.\n",
    "WS-C3560-24PS", NULL, "0xF", c3560_flash, 32514048, NULL },
};

/* The 12.1 and 12.2 images: Router-PT and the 26xx, the 2950s and
 * Switch-PT (the 2950's boot text, reference 1.x sources). */
static const ModelFacts legacy_router_facts = {
  NULL, FAMILY_LEGACY, "1986-2005",
  "ROM: System Bootstrap, Version 12.1(3r)T2, RELEASE SOFTWARE (fc1)\nCopyright (c) 2000 by cisco Systems, Inc.\n",
  NULL, "flash:", "Processor board ID PT0123 (0123)\n",
  "32K bytes of non-volatile configuration memory.\n63488K bytes of ATA CompactFlash (Read/Write)\n",
  NULL, NULL, "0x2102", NULL, 64016384, "63488K bytes of processor board System flash (Read/Write)\n",
};
static const ModelFacts legacy_switch_facts = {
  NULL, FAMILY_LEGACY, "1986-2005", "ROM: Bootstrap program is C2950 boot loader\n",
  NULL, "flash:", "Processor board ID FHK0610Z0WC\nRunning Standard Image\n",
  "\n63488K bytes of flash-simulated non-volatile configuration memory.\n",
  NULL, NULL, "0xF", NULL, 64016384, NULL,
};

static const char crypto_notice[] =
  "This product contains cryptographic features and is subject to United\n"
  "States and local country laws governing import, export, transfer and\n"
  "use. Delivery of Cisco cryptographic products does not imply\n"
  "third-party authority to import, export, distribute or use encryption.\n"
  "Importers, exporters, distributors and users are responsible for\n"
  "compliance with U.S. and local country laws. By using this product you\n"
  "agree to comply with applicable laws and regulations. If you are unable\n"
  "to comply with U.S. and local laws, return this product immediately.\n"
  "\n"
  "A summary of U.S. laws governing Cisco cryptographic products may be found at:\n"
  "http://www.cisco.com/wwl/export/crypto/tool/stqrg.html\n"
  "\n"
  "If you require further assistance please contact us by sending email to\n"
  "export@cisco.com.\n";

static const ModelFacts *
facts_for (CordIosDevice *ios)
{
  const char *model = ios->device != NULL ? ios->device->model->name : NULL;

  for (guint i = 0; model != NULL && i < G_N_ELEMENTS (model_facts); i++)
    if (strcmp (model_facts[i].model, model) == 0)
      return &model_facts[i];
  return ios->platform == CORD_IOS_PLATFORM_SWITCH ? &legacy_switch_facts : &legacy_router_facts;
}

/* --- Uptime ---------------------------------------------------------------- */

static void
append_unit (GString    *out,
             guint64     n,
             const char *unit)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " %s%s", n, unit, n == 1 ? "" : "s");
}

/* IOS 15 images in Packet Tracer: every unit that is not zero, never in
 * the singular, and ", " after each but the seconds ("1 minutes, 35
 * seconds", "42 minutes, "). */
static char *
uptime_pt15 (guint64 seconds)
{
  GString *out = g_string_new (NULL);
  guint64 days = seconds / 86400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60;

  if (days > 0)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " days, ", days);
  if (hours > 0)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " hours, ", hours);
  if (minutes > 0)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " minutes, ", minutes);
  if (seconds % 60 > 0 || out->len == 0)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " seconds", seconds % 60);
  return g_string_free (out, FALSE);
}

/* The other images: IOS's own "1 hour, 5 minutes" ("Switch uptime is 39
 * minutes" in Packet Tracer's 2960). */
static char *
uptime_ios (guint64 seconds)
{
  GString *out = g_string_new (NULL);
  guint64 weeks = seconds / 604800, days = seconds / 86400 % 7, hours = seconds / 3600 % 24;

  if (weeks > 0)
    {
      append_unit (out, weeks, "week");
      g_string_append (out, ", ");
    }
  if (days > 0)
    {
      append_unit (out, days, "day");
      g_string_append (out, ", ");
    }
  if (hours > 0)
    {
      append_unit (out, hours, "hour");
      g_string_append (out, ", ");
    }
  append_unit (out, seconds / 60 % 60, "minute");
  return g_string_free (out, FALSE);
}

static guint64
uptime_seconds (CordIosDevice *ios)
{
  guint64 now = _cord_show_now (ios);
  guint64 boot = cord_ios_clock_boot_time (ios);

  return (now - MIN (now, boot)) / CORD_ENGINE_NS_PER_SEC;
}

/* --- show version ------------------------------------------------------------ */

static guint
count_ports (CordIosDevice *ios,
             const char    *type)
{
  guint n = 0;

  for (guint i = 0; ios->device != NULL && i < ios->device->ports->len; i++)
    if (strcmp (((CordPort *) ios->device->ports->pdata[i])->type, type) == 0)
      n++;
  return n;
}

static void
append_banner (GString          *out,
               CordIosDevice    *ios,
               const ModelFacts *facts)
{
  const CordIosInfo *info = &ios->device->model->ios;

  if (info->legacy)
    g_string_append (out, "Cisco Internetwork Operating System Software \n");
  g_string_append_printf (out, "%s\n", info->software);
  if (facts->family != FAMILY_LEGACY || !g_str_has_prefix (info->software, "IOS (tm) C2950"))
    g_string_append (out, "Technical Support: http://www.cisco.com/techsupport\n");
  g_string_append_printf (out, "Copyright (c) %s by %s Systems, Inc.\n", facts->copyright,
                          info->legacy ? "cisco" : "Cisco");
  g_string_append_printf (out, "Compiled %s\n", info->compiled);
}

static void
append_uptime (GString          *out,
               CordIosDevice    *ios,
               const ModelFacts *facts)
{
  guint64 seconds = uptime_seconds (ios);
  g_autofree char *uptime = facts->family == FAMILY_ISR15 ? uptime_pt15 (seconds) : uptime_ios (seconds);

  g_string_append_printf (out, "%s uptime is %s\n", facts->uptime_name != NULL ? facts->uptime_name : ios->hostname,
                          uptime);
  g_string_append (out, "System returned to ROM by power-on\n");
}

static void
append_image (GString          *out,
              CordIosDevice    *ios,
              const ModelFacts *facts)
{
  g_string_append_printf (out, "System image file is \"%s%s\"\n", facts->image_device, ios->device->model->ios.image);
}

/* "2 FastEthernet/IEEE 802.3 interface(s)" in 12.x, "3 Gigabit Ethernet
 * interfaces" in 15.x. */
static void
append_interface_counts (GString          *out,
                         CordIosDevice    *ios,
                         const ModelFacts *facts)
{
  guint ethernet = count_ports (ios, "Ethernet"), fast = count_ports (ios, "FastEthernet");
  guint gigabit = count_ports (ios, "GigabitEthernet"), serial = count_ports (ios, "Serial");

  if (facts->family == FAMILY_ISR15 || facts->family == FAMILY_CATALYST)
    {
      if (facts->family == FAMILY_CATALYST)
        g_string_append (out, "1 Virtual Ethernet interface\n");
      if (fast > 0)
        g_string_append_printf (out, "%u FastEthernet interfaces\n", fast);
      if (gigabit > 0)
        g_string_append_printf (out, "%u Gigabit Ethernet interfaces\n", gigabit);
      if (serial > 0)
        g_string_append_printf (out, "%u Serial(sync/async) interfaces\n", serial);
      return;
    }
  if (ethernet > 0)
    g_string_append_printf (out, "%u Ethernet/IEEE 802.3 interface(s)\n", ethernet);
  if (fast > 0)
    g_string_append_printf (out, "%u FastEthernet/IEEE 802.3 interface(s)\n", fast);
  if (gigabit > 0)
    g_string_append_printf (out, "%u Gigabit Ethernet/IEEE 802.3 interface(s)\n", gigabit);
  if (serial > 0)
    g_string_append_printf (out, "%u Low-speed serial(sync/async) network interface(s)\n", serial);
}

/* "C2960-LANBASEK9-M" and "15.0(2)SE4" out of the banner line. */
static void
parse_software (const char  *software,
                char       **image,
                char       **version)
{
  const char *open = strstr (software, "Software (");
  const char *at = strstr (software, "Version ");
  const char *close = open != NULL ? strchr (open, ')') : NULL;

  *image = open != NULL && close != NULL ? g_strndup (open + strlen ("Software ("), close - open - strlen ("Software ("))
                                         : g_strdup ("");
  *version = at != NULL ? g_strndup (at + strlen ("Version "), strcspn (at + strlen ("Version "), ",")) : g_strdup ("");
}

static void
append_isr15_license (GString          *out,
                      CordIosDevice    *ios,
                      const ModelFacts *facts)
{
  g_autofree char *serial = _cord_show_serial_number (ios);

  g_string_append (out, "\nLicense Info:\n\nLicense UDI:\n\n"
                        "-------------------------------------------------\n"
                        "Device#   PID                   SN\n"
                        "-------------------------------------------------\n");
  g_string_append_printf (out, "%-10s%-22s%s-\n\n\n", "*0", facts->pid, serial);
  g_string_append_printf (out, "Technology Package License Information for Module:'%s'\n\n", facts->license_module);
  g_string_append (out, "----------------------------------------------------------------\n"
                        "Technology    Technology-package          Technology-package\n"
                        "              Current       Type          Next reboot\n"
                        "-----------------------------------------------------------------\n"
                        "ipbase        ipbasek9      Permanent     ipbasek9\n"
                        "security      None          None          None\n");
  /* The 2900 images have a unified communications package; the 1900 not. */
  if (strcmp (facts->license_module, "c2900") == 0)
    g_string_append (out, "uc            None          None          None\n");
  g_string_append (out, "data          None          None          None\n");
}

static void
append_catalyst_hardware (GString          *out,
                          CordIosDevice    *ios,
                          const ModelFacts *facts)
{
  CordMac bytes;
  char colon[CORD_FRAME_MAC_STRLEN];
  g_autofree char *base = NULL;
  g_autofree char *image = NULL;
  g_autofree char *version = NULL;
  guint ports = count_ports (ios, "FastEthernet") + count_ports (ios, "GigabitEthernet");

  cord_mac_to_bytes (ios->device->mac_base, bytes.b);
  base = g_ascii_strup (cord_frame_mac_to_colon (&bytes, colon), -1);
  parse_software (ios->device->model->ios.software, &image, &version);
  g_string_append_printf (out, "Base ethernet MAC Address       : %s\n", base);
  g_string_append (out, CATALYST_HARDWARE);
  g_string_append_printf (out, "Model number                    : %s\n", facts->pid);
  g_string_append (out, "System serial number            : FOC1010X104\n"
                        "Top Assembly Part Number        : 800-27221-02\n"
                        "Top Assembly Revision Number    : A0\n"
                        "Version ID                      : V02\n"
                        "CLEI Code Number                : COM3L00BRA\n"
                        "Hardware Board Revision Number  : 0x01\n"
                        "\n\n"
                        "Switch Ports Model              SW Version            SW Image\n"
                        "------ ----- -----              ----------            ----------\n");
  g_string_append_printf (out, "*    1 %-6u%-19s%-22s%s\n\n\n", ports, facts->pid, version, image);
}

static void
cmd_show_version (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const ModelFacts *facts = facts_for (ios);
  g_autoptr(GString) out = g_string_new (NULL);

  /* Without a device behind it (unit tests of the engine) there is
   * nothing true to say. */
  if (ios->device == NULL || ios->device->model->ios.software == NULL)
    return;
  append_banner (out, ios, facts);
  if (facts->family == FAMILY_LEGACY)
    g_string_append (out, "Image text-base: 0x8000808C, data-base: 0x80A1FECC\n");
  g_string_append_printf (out, "\n%s", facts->rom);

  switch (facts->family)
    {
    case FAMILY_ISR15:
      append_uptime (out, ios, facts);
      append_image (out, ios, facts);
      g_string_append_printf (out, "Last reload type: Normal Reload\n\n%s", crypto_notice);
      break;
    case FAMILY_ISR12:
    case FAMILY_CATALYST:
      g_string_append_c (out, '\n');
      append_uptime (out, ios, facts);
      append_image (out, ios, facts);
      g_string_append_printf (out, "\n\n%s\n", crypto_notice);
      break;
    case FAMILY_LEGACY:
    default:
      g_string_append_c (out, '\n');
      append_uptime (out, ios, facts);
      append_image (out, ios, facts);
      g_string_append_c (out, '\n');
      break;
    }

  g_string_append_printf (out, "%s\n", ios->device->model->ios.processor);
  g_string_append (out, facts->board);
  append_interface_counts (out, ios, facts);
  if (facts->family == FAMILY_CATALYST)
    g_string_append (out, "The password-recovery mechanism is enabled.\n\n");
  g_string_append (out, facts->storage);

  switch (facts->family)
    {
    case FAMILY_ISR15:
      append_isr15_license (out, ios, facts);
      g_string_append_printf (out, "\nConfiguration register is %s\n\n\n", facts->config_register);
      break;
    case FAMILY_CATALYST:
      append_catalyst_hardware (out, ios, facts);
      g_string_append_printf (out, "Configuration register is %s\n\n", facts->config_register);
      break;
    case FAMILY_ISR12:
    case FAMILY_LEGACY:
    default:
      g_string_append_printf (out, "\nConfiguration register is %s\n\n", facts->config_register);
      break;
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show flash ---------------------------------------------------------------- */

static gsize
startup_bytes (CordIosDevice *ios)
{
  const char *text = ios->device != NULL ? ios->device->startup_config : NULL;

  /* IOS counts one byte more than the text, as for the running-config. */
  return text != NULL ? strlen (text) + 1 : 0;
}

static void
cmd_show_flash (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const ModelFacts *facts = facts_for (ios);
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 used = 0;

  /* Images of the legacy models: the catalog's file, at the size Packet
   * Tracer's Router-PT and 2950 show. */
  FlashFile legacy[] = {
    { 1, NULL, ios->platform == CORD_IOS_PLATFORM_SWITCH ? 3058048 : 5571584 },
    { 0, NULL, 0 },
  };
  const FlashFile *files = facts->flash;

  if (ios->device == NULL || ios->device->model->ios.image == NULL)
    return;
  if (files == NULL)
    {
      legacy[0].name = ios->device->model->ios.image;
      files = legacy;
    }
  for (guint i = 0; files[i].name != NULL; i++)
    used += files[i].size;

  if (ios->platform == CORD_IOS_PLATFORM_SWITCH)
    {
      /* The switch keeps its startup-config in flash, as config.text. */
      gsize config = startup_bytes (ios);

      g_string_append (out, "Directory of flash:/\n\n");
      for (guint i = 0; files[i].name != NULL; i++)
        g_string_append_printf (out, "%5u  -rw-%12u          <no date>  %s\n", files[i].index,
                                files[i].size, files[i].name);
      if (config > 0)
        g_string_append_printf (out, "%5u  -rw-%12zu          <no date>  config.text\n", 2u, config);
      used += config;
      g_string_append_printf (out, "\n%" G_GUINT64_FORMAT " bytes total (%" G_GUINT64_FORMAT " bytes free)\n",
                              facts->flash_total, facts->flash_total - MIN (used, facts->flash_total));
    }
  else
    {
      g_string_append (out, "\nSystem flash directory:\nFile  Length   Name/status\n");
      for (guint i = 0; files[i].name != NULL; i++)
        g_string_append_printf (out, "%3u   %-9u%s\n", files[i].index, files[i].size, files[i].name);
      g_string_append_printf (out, "[%" G_GUINT64_FORMAT " bytes used, %" G_GUINT64_FORMAT " available, %"
                              G_GUINT64_FORMAT " total]\n%s\n\n", used, facts->flash_total - used,
                              facts->flash_total, facts->flash_footer);
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show clock ----------------------------------------------------------------- */

static void
cmd_show_clock (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  gboolean set = FALSE;
  gint64 now = cord_ios_clock_now (ios, &set);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);

  if (when == NULL)
    return;
  /* Packet Tracer pads neither hours, minutes nor seconds: "*0:2:52.307". */
  cord_ios_exec_print (exec, "%s%d:%d:%d.%03d UTC %s %s %d %d\n", set ? "" : "*",
                       g_date_time_get_hour (when), g_date_time_get_minute (when),
                       g_date_time_get_second (when), (int) (now % G_USEC_PER_SEC / 1000),
                       days[g_date_time_get_day_of_week (when) - 1], months[g_date_time_get_month (when) - 1],
                       g_date_time_get_day_of_month (when), g_date_time_get_year (when));
}

/* --- show startup-config ------------------------------------------------------- */

static void
cmd_show_startup (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *text = ios->device != NULL ? ios->device->startup_config : NULL;

  if (text == NULL)
    {
      cord_ios_exec_print (exec, "%s\n", _("startup-config is not present"));
      return;
    }
  cord_ios_exec_print (exec, _("Using %zu bytes"), startup_bytes (ios));
  cord_ios_exec_print (exec, "\n%s%s\n", text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

/* --- Table ------------------------------------------------------------------- */

#define EXEC_SHOW(node) \
  { node, "show version", CORD_IOS_HELPS (SHOW_STR, N_("System hardware and software status")), \
    cmd_show_version, 0 }, \
  { node, "show flash:", CORD_IOS_HELPS (SHOW_STR, N_("display information about flash: file system")), \
    cmd_show_flash, 0 }, \
  { node, "show clock", CORD_IOS_HELPS (SHOW_STR, N_("Display the system clock")), cmd_show_clock, 0 }

static const CordIosCommand show_system_commands[] = {
  EXEC_SHOW (CORD_IOS_NODE_USER),
  EXEC_SHOW (CORD_IOS_NODE_ENABLE),
  { CORD_IOS_NODE_ENABLE, "show startup-config",
    CORD_IOS_HELPS (SHOW_STR, N_("Contents of startup configuration")), cmd_show_startup, 0 },
  { 0 },
};

const CordIosModule cord_ios_module_show_system = {
  "show-system", show_system_commands, NULL,
};
