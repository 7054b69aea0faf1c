// A program against the generated TypeScript SDK: a contact with an inline plan, a channel,
// a rotation and the lookups. tests/sdk type-checks it with tsc (no Node.js language host here).
import * as pulumi from "@pulumi/pulumi";
import * as ssm from "@pulumi-ssm-contacts/ssm-contacts";

const oncall = new ssm.Contact("akuam", {
    alias: "akuam",
    type: ssm.ContactType.Personal,
    displayName: "Akua M",
    tags: { team: "sre" },
});

const phone = new ssm.ContactChannel("phone", {
    contactId: oncall.arn,
    name: "phone",
    type: "SMS",
    deliveryAddress: pulumi.secret("+15555550123"),
});

new ssm.ContactPlan("plan", {
    contactId: oncall.arn,
    stages: [{
        durationInMinutes: 5,
        targets: [{ channelTargetInfo: { contactChannelId: phone.arn, retryIntervalInMinutes: 1 } }],
    }],
});

new ssm.Rotation("primary", {
    name: "primary",
    contactIds: [oncall.arn],
    timeZoneId: "Europe/Paris",
    recurrence: {
        numberOfOnCalls: 1,
        recurrenceMultiplier: 1,
        weeklySettings: [{ dayOfWeek: ssm.DayOfWeek.Mon, handOffTime: { hourOfDay: 9, minuteOfHour: 0 } }],
        shiftCoverages: { MON: [{ start: { hourOfDay: 9, minuteOfHour: 0 }, end: { hourOfDay: 17, minuteOfHour: 0 } }] },
    },
});

const found: Promise<ssm.GetContactResult> = ssm.getContact({ alias: "akuam" });
export const foundType: Promise<ssm.ContactType> = found.then(c => c.type);
export const foundArn: pulumi.Output<string> = ssm.getContactOutput({ arn: oncall.arn }).arn;
export const status = ssm.getContactChannelOutput({ arn: phone.arn }).activationStatus;

// What the schema says a program must not do, tsc must refuse (each line below is an error):
// @ts-expect-error deliveryAddress is a required input
new ssm.ContactChannel("no-address", { contactId: oncall.arn, name: "x", type: "SMS" });
// @ts-expect-error the contact types are an enum: PERSONAL, ESCALATION, ONCALL_SCHEDULE
new ssm.Contact("bad-type", { alias: "x", type: "TEAM" });
// @ts-expect-error a rotation's recurrence needs numberOfOnCalls
new ssm.Rotation("bad-recurrence", { name: "r", contactIds: [], timeZoneId: "UTC", recurrence: { recurrenceMultiplier: 1 } });
